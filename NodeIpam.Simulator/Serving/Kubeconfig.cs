namespace NodeIpam.Simulator.Serving;

/// <summary>The kubeconfig text for a simulator address.</summary>
internal static class Kubeconfig
{
    /// <summary>
    /// The bearer token written when none is asked for. The simulator does not authenticate, but
    /// KubernetesClient refuses a kubeconfig user without any credentials.
    /// </summary>
    public const string DefaultToken = SimulatorRbac.AdminToken;

    public static string Render(Uri server, string token = DefaultToken) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: simulator
          cluster:
            server: {server.ToString().TrimEnd('/')}
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
}
