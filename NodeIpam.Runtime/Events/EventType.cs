namespace NodeIpam.Runtime.Events;

/// <summary>The two event types the API server accepts.</summary>
public enum EventType
{
    /// <summary>Something expected happened (an address was assigned).</summary>
    Normal,

    /// <summary>Something a user should look at (no node matched the selector).</summary>
    Warning,
}
