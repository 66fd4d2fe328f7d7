using System.Globalization;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// The NotReady rule as it applies to one Service at one instant: the one place that decides whether a node counts
/// as NotReady (its Ready condition False or Unknown since longer than the grace) and when that can next change.
/// Measured from the condition's lastTransitionTime, so every process decides the same at the same instant.
/// </summary>
/// <param name="Exclude">Whether this Service leaves NotReady nodes out (annotation, else the operator's flag).</param>
/// <param name="Grace">How long a node may be NotReady before it is left out.</param>
/// <param name="Now">The instant the plan is made for.</param>
internal sealed record NotReadyRule(bool Exclude, TimeSpan Grace, DateTimeOffset Now)
{
    /// <summary>The node's exclusions at <see cref="Now"/>: its own, plus <see cref="NodeExclusions.NotReady"/> when it applies.</summary>
    public NodeExclusions ExclusionsOf(NodeFacts node) =>
        Exclude && node.NotReadyDeadline(Grace) is { } deadline && deadline <= Now
            ? node.Exclusions | NodeExclusions.NotReady
            : node.Exclusions;

    /// <summary>The future instant at which the node's grace runs out; null when none (ready, rule off, or already past).</summary>
    public DateTimeOffset? PendingDeadline(NodeFacts node) =>
        Exclude && node.NotReadyDeadline(Grace) is { } deadline && deadline > Now ? deadline : null;

    /// <summary>"being deleted and NotReady since 2026-12-05T04:00:00Z (Ready is Unknown), grace 40 s".</summary>
    public string Describe(NodeFacts node, NodeExclusions exclusions)
    {
        var text = (exclusions & ~NodeExclusions.NotReady).Describe();
        if (!exclusions.HasFlag(NodeExclusions.NotReady))
        {
            return text;
        }

        var notReady = DescribeNotReady(node);
        return text.Length == 0 ? notReady : $"{text} and {notReady}";
    }

    /// <summary>"NotReady since … (Ready is False), grace 40 s".</summary>
    public string DescribeNotReady(NodeFacts node)
    {
        var since = node.ReadyTransition is { } at ? $" since {at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : " (no transition time)";
        return $"NotReady{since} (Ready is {node.ReadyStatus}), grace {FormatGrace(Grace)}";
    }

    /// <summary>"40 s", "90 s", "1.5 s": whole and fractional seconds, the unit people read in the flag's examples.</summary>
    public static string FormatGrace(TimeSpan grace) =>
        string.Create(CultureInfo.InvariantCulture, $"{grace.TotalSeconds:0.###} s");
}
