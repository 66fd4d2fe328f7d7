using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NodeIpam.Simulator.Serving;

/// <summary>
/// The self-signed serving certificate of a TLS simulator, made in memory at start (nothing on disk, nothing shared
/// between runs). It is its own trust anchor: a kubeconfig's certificate-authority-data is this
/// certificate, so kubectl (Go), KubernetesClient and any client given it as its only trusted root accept it, and no
/// other certificate.
/// </summary>
internal static class ServingCertificate
{
    /// <summary>RSA 2048: kubeadm's default for a cluster's certificates, so a handshake costs what it does there.</summary>
    private const int KeySize = 2048;

    /// <summary>Valid from a little before now, so a client whose clock is slightly behind still accepts it.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    /// <summary>Far beyond any run: a simulator lives for a test, a benchmark or a playground session.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// A new certificate with its private key, for 127.0.0.1 and localhost. <paramref name="time"/> must be the real
    /// clock: clients check the validity period against theirs, not against a simulator's fake one.
    /// </summary>
    public static X509Certificate2 Create(TimeProvider time)
    {
        using var key = RSA.Create(KeySize);
        var request = new CertificateRequest("CN=kube-apiserver-simulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build(critical: false));

        // A plain serving certificate, no CA: a self-signed certificate that is itself in the client's trust store is
        // accepted as it is by Go (kubectl), by KubernetesClient and by .NET's custom-root chain policy.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now - ClockSkew, now + Lifetime);
    }

    /// <summary>The certificate in PEM, as a kubeconfig's certificate-authority-data holds it (base64 of this text).</summary>
    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
}
