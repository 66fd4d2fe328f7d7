using System.Buffers;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// A growable buffer of one family's addresses on pooled arrays, sorted by numeric value (all entries share a
/// family, so the 128-bit value is the whole order). Keeps planning allocation-free apart from its result.
/// </summary>
internal sealed class AddressBuffer : IDisposable
{
    private const int InitialCapacity = 64;
    private UInt128[] keys = [];
    private string[] texts = [];

    /// <summary>How many addresses were added (duplicates included).</summary>
    public int Count { get; private set; }

    /// <summary>Appends the addresses.</summary>
    public void Add(ReadOnlySpan<NodeAddress> addresses)
    {
        if (Count + addresses.Length > keys.Length)
        {
            Grow(Count + addresses.Length);
        }

        foreach (var address in addresses)
        {
            keys[Count] = address.Ip.Value;
            texts[Count] = address.Text;
            Count++;
        }
    }

    /// <summary>Sorts numerically and appends each distinct address's text to <paramref name="output"/>; returns how many.</summary>
    public int AppendSortedDistinct(List<string> output)
    {
        Array.Sort(keys, texts, 0, Count);
        var added = 0;
        for (var i = 0; i < Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                output.Add(texts[i]);
                added++;
            }
        }

        return added;
    }

    /// <summary>Returns the arrays to the pool.</summary>
    public void Dispose()
    {
        if (keys.Length > 0)
        {
            ArrayPool<UInt128>.Shared.Return(keys);
            ArrayPool<string>.Shared.Return(texts, clearArray: true);
            keys = [];
            texts = [];
        }
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(needed, Math.Max(InitialCapacity, keys.Length * 2));
        var newKeys = ArrayPool<UInt128>.Shared.Rent(capacity);
        var newTexts = ArrayPool<string>.Shared.Rent(capacity);
        Array.Copy(keys, newKeys, Count);
        Array.Copy(texts, newTexts, Count);
        Dispose();
        keys = newKeys;
        texts = newTexts;
    }
}
