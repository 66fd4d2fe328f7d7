using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>The metrics endpoint's structured log messages.</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "/metrics: cannot check a scrape's token: {Error}")]
    public static partial void ReviewFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "/metrics: serving the certificate from {Directory} (subject {Subject}, expires {Expires:u})")]
    public static partial void CertificateLoaded(ILogger logger, string directory, string subject, DateTime expires);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "/metrics: cannot reload the certificate from {Directory}, still serving the previous one: {Error}")]
    public static partial void CertificateReloadFailed(ILogger logger, string directory, string error);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "/metrics: serving a self-signed certificate (subject {Subject}); give --metrics-cert-dir for one the scrapers can verify")]
    public static partial void SelfSigned(ILogger logger, string subject);
}
