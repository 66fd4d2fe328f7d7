namespace NodeIpam.Operator.Cli;

/// <summary>How <c>plan</c> prints its result.</summary>
internal enum PlanOutput
{
    /// <summary>A table for people; with <c>--service</c>, the full explanation.</summary>
    Table,

    /// <summary>The JSON report.</summary>
    Json,

    /// <summary>The same report as YAML.</summary>
    Yaml,
}
