using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// The certificate /metrics is served with: <c>tls.crt</c> and <c>tls.key</c> (PEM) from a directory, as cert-manager
/// and a Secret volume lay them out, looked at again at most every
/// <see cref="RuntimeDefaults.MetricsCertificateCheckInterval"/> on a handshake and reloaded when either changed (a
/// new pair that cannot be read is logged and the previous one kept); or, without a directory, a self-signed
/// ECDSA P-256 certificate made at start-up for localhost and this host's name (Prometheus then scrapes with
/// <c>insecureSkipVerify</c>, as kubebuilder's ServiceMonitor does by default).
/// </summary>
internal sealed class MetricsCertificate : IDisposable
{
    /// <summary>File names of a kubernetes.io/tls Secret.</summary>
    public const string CertificateFile = "tls.crt";

    /// <summary>File names of a kubernetes.io/tls Secret.</summary>
    public const string KeyFile = "tls.key";

    private const string SelfSignedSubject = "CN=nodeipam-operator-metrics";

    private readonly string? _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private X509Certificate2 _current;
    private (DateTime, long, DateTime, long) _version;
    private DateTimeOffset _nextCheck;

    private MetricsCertificate(string? directory, TimeProvider time, ILogger logger, X509Certificate2 current, (DateTime, long, DateTime, long) version)
    {
        _directory = directory;
        _time = time;
        _logger = logger;
        _current = current;
        _version = version;
        _nextCheck = time.GetUtcNow() + RuntimeDefaults.MetricsCertificateCheckInterval;
    }

    /// <summary>The certificate to serve now (reloaded first if the files changed).</summary>
    public X509Certificate2 Current
    {
        get
        {
            if (_directory is null)
            {
                return _current;
            }

            lock (_lock)
            {
                var now = _time.GetUtcNow();
                if (now >= _nextCheck)
                {
                    _nextCheck = now + RuntimeDefaults.MetricsCertificateCheckInterval;
                    Reload(_directory);
                }

                return _current;
            }
        }
    }

    /// <summary>Loads the pair from <paramref name="directory"/>, or makes a self-signed one when it is null; an unreadable pair is an <see cref="EndpointStartException"/>.</summary>
    public static MetricsCertificate Create(string? directory, TimeProvider time, ILogger logger)
    {
        if (directory is null)
        {
            var selfSigned = SelfSigned(time);
            MetricsLog.SelfSigned(logger, selfSigned.Subject);
            return new MetricsCertificate(null, time, logger, selfSigned, default);
        }

        try
        {
            var version = Version(directory);
            var certificate = Load(directory);
            MetricsLog.CertificateLoaded(logger, directory, certificate.Subject, certificate.NotAfter);
            return new MetricsCertificate(directory, time, logger, certificate, version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new EndpointStartException(
                $"cannot read the metrics certificate from {directory} ({CertificateFile}, {KeyFile}): {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    public void Dispose() => _current.Dispose();

    private void Reload(string directory)
    {
        try
        {
            var version = Version(directory);
            if (version == _version)
            {
                return;
            }

            var certificate = Load(directory);
            _version = version;

            // The previous certificate may still be in a handshake: it is left to the finalizer, not disposed.
            _current = certificate;
            MetricsLog.CertificateLoaded(_logger, directory, certificate.Subject, certificate.NotAfter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            MetricsLog.CertificateReloadFailed(_logger, directory, e.Message);
        }
    }

    private static X509Certificate2 Load(string directory) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(directory, CertificateFile), Path.Combine(directory, KeyFile));

    // What changes when cert-manager or the kubelet swaps the files (the kubelet swaps a symlink: the target's times).
    private static (DateTime, long, DateTime, long) Version(string directory)
    {
        var certificate = new FileInfo(Path.Combine(directory, CertificateFile));
        var key = new FileInfo(Path.Combine(directory, KeyFile));
        if (!certificate.Exists || !key.Exists)
        {
            throw new FileNotFoundException($"{(certificate.Exists ? key.FullName : certificate.FullName)} does not exist");
        }

        return (certificate.LastWriteTimeUtc, certificate.Length, key.LastWriteTimeUtc, key.Length);
    }

    private static X509Certificate2 SelfSigned(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SelfSignedSubject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Dns.GetHostName());
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now + RuntimeDefaults.SelfSignedCertificateValidity);
    }
}
