using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// A listen address in Go's <c>host:port</c> form, as controller-runtime's bind-address flags take it:
/// <c>:8080</c> (every interface), <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>, <c>localhost:8080</c>; port 0 asks
/// for any free port. "0" or an empty value disables the endpoint. Kestrel serves it (<see cref="Listen"/>).
/// </summary>
internal sealed record BindAddress(IPAddress? Address, int Port)
{
    /// <summary>True when it listens on every interface (no host given, or <c>*</c>).</summary>
    public bool IsAnyAddress => Address is null;

    /// <summary>Adds this address to a Kestrel server; every interface means IPv6 and IPv4 where the host has both.</summary>
    public void Listen(KestrelServerOptions server, Action<ListenOptions> configure)
    {
        if (Address is null)
        {
            server.ListenAnyIP(Port, configure);
        }
        else
        {
            server.Listen(Address, Port, configure);
        }
    }

    /// <summary>The address in the flag's syntax.</summary>
    public override string ToString() => Address switch
    {
        null => $":{Port}",
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"[{Address}]:{Port}",
        _ => $"{Address}:{Port}",
    };

    /// <summary>The address, or null when <paramref name="value"/> disables the endpoint; throws when malformed.</summary>
    public static BindAddress? Parse(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == RuntimeDefaults.DisabledBindAddress)
        {
            return null;
        }

        value = value.Trim();
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            throw Invalid(value, what, "expected host:port or :port");
        }

        var hostPart = value[..colon];
        var portPart = value[(colon + 1)..];
        if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw Invalid(value, what, "the port must be a number from 0 to 65535");
        }

        if (hostPart.Length == 0 || hostPart == "*")
        {
            return new BindAddress(null, port);
        }

        if (hostPart.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new BindAddress(IPAddress.Loopback, port);
        }

        if (hostPart.StartsWith('[') && hostPart.EndsWith(']'))
        {
            hostPart = hostPart[1..^1];
        }

        return IPAddress.TryParse(hostPart, out var address)
            ? new BindAddress(address, port)
            : throw Invalid(value, what, "the host must be an IP address, localhost or empty");
    }

    private static ArgumentException Invalid(string value, string what, string reason) =>
        new($"Invalid {what} '{value}': {reason} (use \"0\" to disable).");
}
