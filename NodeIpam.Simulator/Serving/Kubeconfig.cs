namespace NodeIpam.Simulator.Serving;

/// <summary>The kubeconfig text for a simulator address.</summary>
internal static class Kubeconfig
{
    public static string Render(Uri server) => $"""
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
          user: {"{}"}
        preferences: {"{}"}

        """;
}
