namespace NodeIpam.Runtime.Health;

/// <summary>
/// An HTTP endpoint (probes or metrics) could not start: its address is in use or not on this machine, or its
/// certificate cannot be read. The message is one line naming the endpoint, the address and the reason.
/// </summary>
public sealed class EndpointStartException : Exception
{
    public EndpointStartException()
    {
    }

    public EndpointStartException(string message)
        : base(message)
    {
    }

    public EndpointStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
