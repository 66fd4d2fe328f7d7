using System.Collections.Concurrent;
using System.Net;
using k8s.Models;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// Special-purpose node addresses: some nodes report loopback, unspecified, link-local, multicast or broadcast
/// addresses next to their real ones; no status may ever advertise one. Checked with the framework's IPNetwork on
/// every written status, independently of the operator's own range table. Read by the watch thread.
/// </summary>
internal sealed class UnusableAddressCheck
{
    /// <summary>Addresses the soak puts on nodes, by type: none can receive traffic.</summary>
    public static readonly (string Type, string Address)[] Addresses =
    [
        ("InternalIP", "127.0.0.1"), ("ExternalIP", "0.0.0.0"), ("InternalIP", "fe80::1"), ("InternalIP", "::1"),
        ("ExternalIP", "169.254.10.20"), ("InternalIP", "224.0.0.1"), ("ExternalIP", "255.255.255.255"),
        ("InternalIP", "::ffff:127.0.0.9"), ("ExternalIP", "::"), ("ExternalIP", "ff02::1"),
    ];

    private static readonly IPNetwork[] Ranges =
    [
        .. new[] { "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fe80::/10", "ff00::/8" }
            .Select(IPNetwork.Parse),
    ];

    private readonly ConcurrentQueue<string> _violations = new();
    private int _checked;

    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Written statuses checked.</summary>
    public int Checked => Volatile.Read(ref _checked);

    /// <summary>Whether <paramref name="text"/> is an address that cannot receive traffic (an IPv4-mapped one judged as IPv4).</summary>
    public static bool IsUnusable(string text)
    {
        if (!IPAddress.TryParse(text, out var ip))
        {
            return false;
        }

        var judged = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        return Ranges.Any(r => r.Contains(judged));
    }

    /// <summary>Adds one of <see cref="Addresses"/> to a node, or removes those it has (a churn step).</summary>
    public static void Toggle(V1Node node, Random random)
    {
        var addresses = node.Status.Addresses.ToList();
        if (addresses.RemoveAll(a => IsUnusable(a.Address)) == 0)
        {
            var (type, address) = Addresses[random.Next(Addresses.Length)];
            addresses.Add(new V1NodeAddress { Type = type, Address = address });
        }

        node.Status.Addresses = addresses;
    }

    /// <summary>The watch hook.</summary>
    public void Inspect(V1Service service)
    {
        Interlocked.Increment(ref _checked);
        foreach (var ip in service.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip).OfType<string>() ?? [])
        {
            if (IsUnusable(ip))
            {
                _violations.Enqueue($"{service.Metadata.Name} advertises {ip}, an address that cannot receive traffic");
            }
        }
    }
}
