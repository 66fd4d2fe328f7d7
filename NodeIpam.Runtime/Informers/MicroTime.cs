using System.Globalization;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// metav1.MicroTime on the wire: RFC 3339 with exactly six fractional digits (<c>2026-11-26T06:11:23.123456Z</c>).
/// KubernetesClient 21 writes a time without a sub-second part as whole seconds (<c>...:23Z</c>), which the API
/// server's MicroTime parser rejects; the Events and Lease JSON is therefore written with this formatter.
/// </summary>
internal static class MicroTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
}
