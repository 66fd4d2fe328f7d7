namespace NodeIpam.Simulator.Faults;

/// <summary>"Fail the next <see cref="Remaining"/> requests matching verb, resource and subresource with a code."</summary>
internal sealed class FailureRule(string verb, string resource, string? subresource, int statusCode, int remaining)
{
    public int StatusCode { get; } = statusCode;

    public int Remaining { get; private set; } = remaining;

    /// <summary>Consumes one failure when the request matches; called under the faults lock.</summary>
    public bool TryConsume(string requestVerb, string requestResource, string? requestSubresource)
    {
        if (Remaining <= 0 || requestVerb != verb || requestResource != resource || (subresource ?? "") != (requestSubresource ?? ""))
        {
            return false;
        }

        Remaining--;
        return true;
    }
}
