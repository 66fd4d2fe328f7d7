namespace NodeIpam.Playground;

/// <summary>What to try next, printed once the Services have settled; every command works against the simulator.</summary>
internal static class Hints
{
    public static string Text(string kubeconfig) => $"""

        The operator keeps running and reacting. In another terminal:

          export KUBECONFIG={kubeconfig}
          kubectl get nodes -o wide
          kubectl get svc -o wide -w                       # watch EXTERNAL-IP change as you try the commands below

          kubectl label node node-2 ingress=true           # web-edge selects nodes labelled ingress=true
          kubectl annotate svc web-cluster io.cilium.nodeipam/match-node-labels='topology.kubernetes.io/zone in (zone-b)'
          kubectl label node node-1 node.kubernetes.io/exclude-from-external-load-balancers=   # take node-1 out
          kubectl annotate svc web-typo io.cilium.nodeipam/match-node-labels- # fix the invalid selector by removing it
          kubectl annotate svc web-capped nodeipam.io/max-addresses-per-family=2 --overwrite   # web-capped: one more node
          kubectl get events -A                            # why a Service has no address
          kubectl get svc web-local -o jsonpath='{"{"}.status.conditions{"}"}'

        Ctrl+C stops the playground.
        """;
}
