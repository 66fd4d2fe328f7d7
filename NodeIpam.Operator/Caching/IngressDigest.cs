using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// An order-independent digest of a set of address texts: how many, and two sums of 64-bit XxHash3 values under two
/// seeds. It is what the caches keep of a written or cached ingress instead of a second copy of a thousand strings.
/// Never persisted: the seeds are drawn per process, so nobody can craft a foreign ingress that collides with ours
/// (a collision would at worst skip one reconcile of a foreign write). Equal sets have equal digests; a list with a
/// duplicate differs from the set without it.
/// </summary>
internal readonly record struct IngressDigest(int Count, ulong First, ulong Second)
{
    private static readonly long SeedA = Random.Shared.NextInt64();
    private static readonly long SeedB = Random.Shared.NextInt64();

    /// <summary>The digest of no address.</summary>
    public static IngressDigest Empty => default;

    /// <summary>The digest of <paramref name="texts"/>, in any order.</summary>
    public static IngressDigest Of(IEnumerable<string> texts)
    {
        var (count, first, second) = (0, 0UL, 0UL);
        foreach (var text in texts)
        {
            var bytes = MemoryMarshal.AsBytes(text.AsSpan());
            count++;
            first += XxHash3.HashToUInt64(bytes, SeedA);
            second += XxHash3.HashToUInt64(bytes, SeedB);
        }

        return new IngressDigest(count, first, second);
    }
}
