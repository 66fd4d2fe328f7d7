using System.Collections;

namespace NodeIpam.Operator.Domain.Labels;

/// <summary>
/// A node's labels as the Node cache keeps them: immutable, keys distinct and sorted ordinally, held interleaved in
/// one array (key, value, key, value...) and looked up by binary search. Hand-made because the cache keeps one per
/// node: with a node's few labels it retains less than half of what a <see cref="Dictionary{TKey, TValue}"/> or a
/// <c>FrozenDictionary</c> does (figures in the README, "Written by hand"). Value-equal, and
/// equality is a walk of two arrays: the caches share the strings, so a heartbeat's equal labels compare by reference.
/// </summary>
internal sealed class NodeLabels : IReadOnlyDictionary<string, string>, IEquatable<NodeLabels>
{
    // [key0, value0, key1, value1, ...], keys ascending by ordinal comparison, none twice.
    private readonly string[] items;

    private NodeLabels(string[] items) => this.items = items;

    /// <summary>No labels; shared.</summary>
    public static NodeLabels Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => items.Length / 2;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Every(first: 0);

    /// <inheritdoc/>
    public IEnumerable<string> Values => Every(first: 1);

    /// <inheritdoc/>
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no label {key}");

    /// <summary>
    /// The labels of <paramref name="labels"/>, each key and value passed through <paramref name="share"/> when given.
    /// As a Kubernetes map: a key given twice keeps its last value; a null value reads as empty (what the API server
    /// stores for a JSON null); a null key is skipped. Null or no labels give <see cref="Empty"/>.
    /// </summary>
    public static NodeLabels From(IEnumerable<KeyValuePair<string, string>>? labels, Func<string, string>? share = null)
    {
        if (labels is null)
        {
            return Empty;
        }

        var pairs = labels as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. labels];
        if (pairs.Count == 0)
        {
            return Empty;
        }

        // Insertion into sorted order: a node has tens of labels at most, and this keeps "last value wins" exact.
        var items = new string[pairs.Count * 2];
        var length = 0;
        foreach (var (key, value) in pairs)
        {
            if (key is null)
            {
                continue;
            }

            var shared = value is null ? string.Empty : share is null ? value : share(value);
            var at = Find(items, length, key);
            if (at >= 0)
            {
                items[at + 1] = shared;
                continue;
            }

            at = ~at;
            Array.Copy(items, at, items, at + 2, length - at);
            items[at] = share is null ? key : share(key);
            items[at + 1] = shared;
            length += 2;
        }

        if (length == 0)
        {
            return Empty;
        }

        if (length < items.Length)
        {
            Array.Resize(ref items, length);
        }

        return new NodeLabels(items);
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => Find(items, items.Length, key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, out string value)
    {
        var at = Find(items, items.Length, key);
        value = at >= 0 ? items[at + 1] : null!;
        return at >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < items.Length; i += 2)
        {
            yield return new KeyValuePair<string, string>(items[i], items[i + 1]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when the same keys have the same values (ordinal).</summary>
    public bool Equals(NodeLabels? other) =>
        other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeLabels);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The labels as <c>key=value</c>, sorted by key, joined by commas (as kubectl prints them).</summary>
    public override string ToString() => string.Join(',', this.Select(label => $"{label.Key}={label.Value}"));

    // The index of key in items[..length], or the bitwise complement of the (even) index where it would go.
    private static int Find(string[] items, int length, string key)
    {
        var low = 0;
        var high = (length / 2) - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(items[middle * 2], key);
            if (order == 0)
            {
                return middle * 2;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~(low * 2);
    }

    private IEnumerable<string> Every(int first)
    {
        for (var i = first; i < items.Length; i += 2)
        {
            yield return items[i];
        }
    }
}
