namespace NodeIpam.Runtime.Controllers;

/// <summary>
/// What a reconcile asks of the work queue next. Success forgets the key's backoff; success with
/// <see cref="RequeueAfter"/> schedules the key again after that delay; failure requeues it with per-key
/// exponential backoff (rate limited), and is counted in <c>controller_runtime_reconcile_errors_total</c>.
/// </summary>
public sealed record ReconciliationResult
{
    private ReconciliationResult(bool isSuccess, TimeSpan? requeueAfter, string? errorMessage, Exception? error)
    {
        IsSuccess = isSuccess;
        RequeueAfter = requeueAfter;
        ErrorMessage = errorMessage;
        Error = error;
    }

    /// <summary>True when the reconcile reached the desired state (or decided to wait for the next event).</summary>
    public bool IsSuccess { get; }

    /// <summary>When set, the key is processed again after this delay.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>A message for logs when the reconcile failed.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The exception behind a failure, if any.</summary>
    public Exception? Error { get; }

    /// <summary>The desired state is reached; forget the key until the next event.</summary>
    public static ReconciliationResult Success() => new(true, null, null, null);

    /// <summary>The desired state is reached for now; look again after <paramref name="requeueAfter"/>.</summary>
    public static ReconciliationResult Success(TimeSpan requeueAfter) => new(true, requeueAfter, null, null);

    /// <summary>The reconcile failed; retry with backoff.</summary>
    public static ReconciliationResult Failure(string errorMessage, Exception? error = null) =>
        new(false, null, errorMessage, error);
}
