namespace NodeIpam.Runtime.Events;

/// <summary>The object an event is about, as written in the Event's <c>regarding</c>.</summary>
internal sealed record RegardingReference(string ApiVersion, string Kind, string Namespace, string Name, string? Uid, string? ResourceVersion)
{
    /// <summary>Identifies the object for rate limiting and dedupe: its uid, or kind/namespace/name without one.</summary>
    public string Identity => Uid is { Length: > 0 } uid ? uid : $"{ApiVersion}/{Kind}/{Namespace}/{Name}";
}

/// <summary>An Event ready to be created: <see cref="Name"/> is <c>&lt;regarding name&gt;.&lt;hex unix nanoseconds&gt;</c> as client-go names it.</summary>
internal sealed record EventDraft(
    string Namespace,
    string Name,
    DateTimeOffset EventTime,
    RegardingReference Regarding,
    EventType Type,
    string Reason,
    string Action,
    string Note);

/// <summary>What the recorder's background sender does next.</summary>
internal abstract record EventWrite;

/// <summary>POST a new Event.</summary>
internal sealed record CreateEvent(EventDraft Draft) : EventWrite;

/// <summary>PATCH an existing Event's series (count and lastObservedTime); recreate it from <see cref="Draft"/> if it is gone.</summary>
internal sealed record PatchSeries(EventDraft Draft, int Count, DateTimeOffset LastObserved) : EventWrite;
