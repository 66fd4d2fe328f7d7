using System.Net;
using System.Net.Sockets;

namespace NodeIpam.Simulator.Defaults;

/// <summary>
/// Hands out fake cluster IPs and node ports, sequentially and never twice while in use. Called only under the
/// store's lock.
/// </summary>
internal sealed class ServiceAllocator
{
    /// <summary>First IPv4 handed out: 10.96.0.1 is the kubernetes Service in a kubeadm cluster, leave a few.</summary>
    private const uint FirstIPv4 = (10u << 24) | (96u << 16) | 10u;

    /// <summary>The API server's default --service-node-port-range.</summary>
    private const int FirstNodePort = 30000;
    private const int LastNodePort = 32767;

    private readonly HashSet<string> _ips = new(StringComparer.Ordinal);
    private readonly HashSet<int> _ports = [];
    private uint _nextV4 = FirstIPv4;
    private ulong _nextV6 = 10;
    private int _nextPort = FirstNodePort;

    public string AllocateIp(string family)
    {
        while (true)
        {
            var ip = family == "IPv6" ? $"fd00:10:96::{_nextV6++:x}" : new IPAddress(ToBytes(_nextV4++)).ToString();
            if (_ips.Add(ip))
            {
                return ip;
            }
        }
    }

    /// <summary>Claims a client-chosen IP; false when another Service holds it.</summary>
    public bool ClaimIp(string ip) => _ips.Add(Normalize(ip));

    public void ReleaseIp(string ip) => _ips.Remove(Normalize(ip));

    public int AllocatePort()
    {
        for (var i = 0; i <= LastNodePort - FirstNodePort; i++)
        {
            var port = _nextPort;
            _nextPort = port == LastNodePort ? FirstNodePort : port + 1;
            if (_ports.Add(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("node port range exhausted");
    }

    public bool ClaimPort(int port) => port is >= FirstNodePort and <= LastNodePort && _ports.Add(port);

    public void ReleasePort(int port) => _ports.Remove(port);

    public static string? FamilyOf(string ip) =>
        IPAddress.TryParse(ip, out var a) ? (a.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4") : null;

    private static string Normalize(string ip) => IPAddress.TryParse(ip, out var a) ? a.ToString() : ip;

    private static byte[] ToBytes(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
