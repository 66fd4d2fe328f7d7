namespace NodeIpam.Operator.Tests.Integration;

/// <summary>Polls a condition with a generous safety limit against a hung test; durations are never asserted.</summary>
internal static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, string because, int seconds = 30) =>
        HoldsAsync(condition, () => because, seconds);

    /// <summary>As <see cref="HoldsAsync(Func{bool}, Func{string}, int)"/>, for a condition that must be awaited.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> because, int seconds = 30)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {because()}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>As above; <paramref name="because"/> is evaluated on failure, so it can show the last state seen.</summary>
    public static async Task HoldsAsync(Func<bool> condition, Func<string> because, int seconds = 30)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {because()}.");
            }

            await Task.Delay(10);
        }
    }
}
