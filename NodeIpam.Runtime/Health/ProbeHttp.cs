using System.Net.Sockets;
using System.Text;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// The little HTTP/1.x the probe endpoints need: read one request head (bounded in size and time), answer with a
/// status, a content type and a body, and close the connection. Enough for kubelet probes, Prometheus and curl,
/// without loading a web server into an operator whose memory is measured.
/// </summary>
internal static class ProbeHttp
{
    /// <summary>Largest request head read; probes and scrapes send a few hundred bytes.</summary>
    public const int MaxHeadBytes = 8 * 1024;

    /// <summary>How long a client may take to send its request head.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The method and the path (without query) of a request; null when the head is malformed or incomplete.</summary>
    public static async Task<(string Method, string Path)?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, length);
                var parts = head[..head.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                return parts.Length == 3 && parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) && parts[1].StartsWith('/')
                    ? (parts[0], parts[1].Split('?', 2)[0])
                    : null;
            }
        }

        return null;
    }

    /// <summary>Writes a complete response; <paramref name="withBody"/> false for HEAD.</summary>
    public static async Task WriteResponseAsync(
        NetworkStream stream, int status, string reason, string contentType, string body, bool withBody, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        if (withBody)
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }
}
