namespace NodeIpam.Operator.Domain;

/// <summary>Human text for <see cref="NodeExclusions"/>.</summary>
internal static class NodeExclusionsText
{
    /// <summary>The reasons, in a fixed order, joined by " and "; empty for none.</summary>
    public static string Describe(this NodeExclusions exclusions)
    {
        var reasons = new List<string>(3);
        if (exclusions.HasFlag(NodeExclusions.BeingDeleted))
        {
            reasons.Add("being deleted");
        }

        if (exclusions.HasFlag(NodeExclusions.ExcludeLabel))
        {
            reasons.Add($"labelled {WellKnown.ExcludeFromLoadBalancersLabel}");
        }

        if (exclusions.HasFlag(NodeExclusions.ToBeDeletedTaint))
        {
            reasons.Add($"tainted {WellKnown.ToBeDeletedTaint}");
        }

        if (exclusions.HasFlag(NodeExclusions.NotReady))
        {
            // The short form; NotReadyRule.Describe says since when and with which grace.
            reasons.Add("NotReady");
        }

        return string.Join(" and ", reasons);
    }
}
