namespace NodeIpam.Runtime.Health;

/// <summary>The outcome of checking a scrape: 200, or 401/403/500 with a one-line reason for the response body.</summary>
internal sealed record MetricsAccess(int StatusCode, string Reason)
{
    public static MetricsAccess Granted { get; } = new(200, "allowed");

    public bool Allowed => StatusCode == 200;
}
