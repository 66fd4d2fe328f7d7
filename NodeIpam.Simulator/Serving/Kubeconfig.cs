namespace NodeIpam.Simulator.Serving;

/// <summary>The kubeconfig text for a simulator address.</summary>
internal static class Kubeconfig
{
    /// <summary>
    /// The bearer token written when none is asked for. The simulator does not authenticate, but
    /// KubernetesClient refuses a kubeconfig user without any credentials.
    /// </summary>
    public const string DefaultToken = SimulatorRbac.AdminToken;

    /// <summary>
    /// The kubeconfig of <paramref name="server"/>; <paramref name="certificateAuthorityPem"/> (HTTPS only) is written
    /// as certificate-authority-data, the base64 of the PEM, as kubeadm writes it.
    /// </summary>
    public static string Render(Uri server, string token = DefaultToken, string? certificateAuthorityPem = null) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: simulator
          cluster:
            server: {server.ToString().TrimEnd('/')}{Authority(certificateAuthorityPem)}
        contexts:
        - name: simulator
          context:
            cluster: simulator
            user: simulator
            namespace: default
        current-context: simulator
        users:
        - name: simulator
          user:
            token: {token}
        preferences: {"{}"}

        """;

    private static string Authority(string? pem) =>
        pem is null ? "" : $"\n    certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem))}";
}
