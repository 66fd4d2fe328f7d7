namespace NodeIpam.Operator.Domain;

/// <summary>Something a user should know about a plan: a stable code and one line of text.</summary>
/// <param name="Code">What kind of warning, for machines.</param>
/// <param name="Message">What happened and what it means, for people.</param>
internal sealed record PlanWarning(PlanWarningCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
