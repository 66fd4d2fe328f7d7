namespace NodeIpam.Operator.Tests.Controllers;

/// <summary>
/// One case of <see cref="NodeImpactPropertyTests"/>: a Service, the operator's NotReady flag, the nodes that do not
/// change (<see cref="Others"/>), one node change (<see cref="Old"/> null: added; <see cref="New"/> null: deleted),
/// the Service's EndpointSlices and its status before the change. Printed compactly and shrunk when the property fails.
/// </summary>
internal sealed record NodeImpactScenario(
    NodeImpactScenario.ServiceSpec Service,
    bool FlagExcludesNotReady,
    NodeImpactScenario.NodeSpec[] Others,
    string Change,
    NodeImpactScenario.NodeSpec? Old,
    NodeImpactScenario.NodeSpec? New,
    NodeImpactScenario.SliceSpec[] Slices,
    NodeImpactScenario.StatusKind Status,
    string[] Foreign)
{
    public override string ToString() =>
        $"service {Service}, --exclude-not-ready-nodes={FlagExcludesNotReady}; status {Status}{(Status == StatusKind.PlannedFromForeign ? $" [{string.Join(", ", Foreign)}]" : "")}; "
        + $"change (generated as {Change}): {Old?.ToString() ?? "(none)"} => {New?.ToString() ?? "(none)"}; others: {string.Join("; ", Others.AsEnumerable())}; slices: {string.Join("; ", Slices.AsEnumerable())}";

    /// <summary>Smaller variants of a failing scenario: fewer nodes, slices, endpoints, addresses, labels, annotations.</summary>
    public static IEnumerable<NodeImpactScenario> Shrink(NodeImpactScenario s)
    {
        for (var i = 0; i < s.Others.Length; i++)
        {
            yield return s with { Others = [.. s.Others.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < s.Slices.Length; i++)
        {
            yield return s with { Slices = [.. s.Slices.Where((_, j) => j != i)] };
            for (var e = 0; e < s.Slices[i].Endpoints.Length; e++)
            {
                var fewer = s.Slices[i] with { Endpoints = [.. s.Slices[i].Endpoints.Where((_, k) => k != e)] };
                yield return s with { Slices = [.. s.Slices.Select((sl, j) => j == i ? fewer : sl)] };
            }
        }

        for (var i = 0; i < s.Foreign.Length; i++)
        {
            yield return s with { Foreign = [.. s.Foreign.Where((_, j) => j != i)] };
        }

        if (s.Status == StatusKind.PlannedFromForeign)
        {
            yield return s with { Status = StatusKind.PlannedFromEmpty, Foreign = [] };
        }

        // Each step changes something, or shrinking never ends.
        var svc = s.Service;
        var simplerServices = new[]
        {
            svc.MaxPerFamily is null ? null : svc with { MaxPerFamily = null },
            svc.ExcludeNotReady is null ? null : svc with { ExcludeNotReady = null },
            svc.Families.Length == 1 ? null : svc with { Families = svc.Families[..1] },
            svc.Selector is null ? null : svc with { Selector = null },
            svc.Local ? svc with { Local = false } : null,
        };
        foreach (var simpler in simplerServices.OfType<ServiceSpec>())
        {
            yield return s with { Service = simpler, Slices = simpler.Local ? s.Slices : [] };
        }

        if (s.FlagExcludesNotReady)
        {
            yield return s with { FlagExcludesNotReady = false };
        }

        for (var i = 0; i < s.Others.Length; i++)
        {
            foreach (var simpler in Simpler(s.Others[i]))
            {
                yield return s with { Others = [.. s.Others.Select((n, j) => j == i ? simpler : n)] };
            }
        }

        foreach (var simpler in s.Old is null ? [] : Simpler(s.Old))
        {
            yield return s with { Old = simpler };
        }

        foreach (var simpler in s.New is null ? [] : Simpler(s.New))
        {
            yield return s with { New = simpler };
        }
    }

    private static IEnumerable<NodeSpec> Simpler(NodeSpec n)
    {
        for (var i = 0; i < n.Addresses.Length; i++)
        {
            yield return n with { Addresses = [.. n.Addresses.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < n.Labels.Length; i++)
        {
            yield return n with { Labels = [.. n.Labels.Where((_, j) => j != i)] };
        }

        if (n.Deleting || n.ExcludeLabel || n.Tainted)
        {
            yield return n with { Deleting = false, ExcludeLabel = false, Tainted = false };
        }

        if (n.Ready is not null)
        {
            yield return n with { Ready = null, TransitionAgo = null };
        }
    }

    public sealed record NodeSpec(
        string Name, string[] Labels, string[] Addresses, bool Deleting, bool ExcludeLabel, bool Tainted, string? Ready, int? TransitionAgo, int HeartbeatAgo, string ReadyReason)
    {
        public override string ToString() =>
            $"{Name} {{{string.Join(',', Labels)}}} [{string.Join(", ", Addresses)}]{(Deleting ? " deleting" : "")}{(ExcludeLabel ? " exclude-label" : "")}{(Tainted ? " tainted" : "")}"
            + (Ready is null ? " no Ready" : $" Ready={Ready}{(TransitionAgo is { } ago ? $" since -{ago}s" : " (no time)")}") + $" hb -{HeartbeatAgo}s {ReadyReason}";
    }

    public sealed record EndpointSpec(string? Node, bool? Ready, bool? Serving, bool? Terminating)
    {
        public override string ToString() => $"{Node ?? "(no node)"} r={Ready} s={Serving} t={Terminating}";
    }

    public sealed record SliceSpec(string Namespace, string Service, EndpointSpec[] Endpoints)
    {
        public override string ToString() => $"{Namespace}/{Service} [{string.Join("; ", Endpoints.AsEnumerable())}]";
    }

    public sealed record ServiceSpec(bool Local, string? Selector, string[] Families, string? MaxPerFamily, string? ExcludeNotReady)
    {
        public override string ToString() =>
            $"{(Local ? "Local" : "Cluster")} selector {(Selector is null ? "(none)" : $"\"{Selector}\"")} [{string.Join(',', Families)}] max={MaxPerFamily ?? "-"} exclude-not-ready={ExcludeNotReady ?? "-"}";
    }

    /// <summary>
    /// The Service's status when the node changes: what the rule reads "has no address" and kept addresses from.
    /// Never a raw foreign or stale status: one that someone else wrote is reconciled anyway (the Service filter passes
    /// it), and the rule relies on "the status has an address" meaning "its plan has one" (a foreign address on a
    /// Service whose plan has none lets a node add or delete change the node count of its warning unseen).
    /// </summary>
    public enum StatusKind
    {
        /// <summary>Never written: a new Service.</summary>
        Empty,

        /// <summary>What one reconcile on the cluster before the change wrote over an empty status.</summary>
        PlannedFromEmpty,

        /// <summary>What one reconcile wrote over foreign addresses (an invalid selector keeps those an eligible node reports).</summary>
        PlannedFromForeign,
    }
}
