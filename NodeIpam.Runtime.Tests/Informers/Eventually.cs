namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>Polls a condition against a real server with a generous safety limit; durations are never asserted.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string because, int seconds = 20)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Delay(10);
        }
    }
}
