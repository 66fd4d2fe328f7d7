namespace NodeIpam.Operator.Controllers;

/// <summary>How a status write ended.</summary>
internal enum StatusWriteOutcome
{
    /// <summary>The API server stored it.</summary>
    Written,

    /// <summary>409: the Service changed since the cached version; retry once the cache has the new one.</summary>
    Conflict,

    /// <summary>Any other failure (5xx, 429, network); retry with backoff.</summary>
    Failed,
}
