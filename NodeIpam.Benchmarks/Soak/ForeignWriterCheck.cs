using System.Diagnostics;
using System.Globalization;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Caching;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// A foreign writer: another client sets a different ingress and a different <c>nodeipam.io/AddressesAssigned</c>
/// condition on a managed Service whose status is right, while nothing else changes. The operator must restore it
/// with exactly one status write and then stay quiet (no write loop between the two writers' views).
/// </summary>
internal static class ForeignWriterCheck
{
    private const string UserAgent = "soak-foreign-writer";
    private static readonly TimeSpan RestoreBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(5);

    /// <summary>Runs the check on a quiet, converged cluster; returns the violations and one line of figures.</summary>
    public static async Task<(List<string> Violations, string Figures)> RunAsync(KubeApiSimulator simulator, StatusTracker tracker, ClusterModel model)
    {
        var violations = new List<string>();
        var name = model.Services.FirstOrDefault(s => tracker.Ingress(s).Count > 0);
        if (name is null)
        {
            return ([], "foreign writer: skipped (no Service with addresses)");
        }

        using var client = new SoakClient(simulator.BaseAddress, UserAgent);
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var writes = StatusPatches(simulator);
        var started = Stopwatch.GetTimestamp();
        await client.PatchServiceAsync(
            name,
            $$$"""{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.250","ipMode":"VIP"}]},"conditions":[{"type":"{{{ServiceStatusNames.ConditionType}}}","status":"False","reason":"ForeignWriter","message":"written by another client","lastTransitionTime":"{{{now}}}"}]}}""",
            status: true);
        var (_, restored) = tracker.Expect(model.PlanAll());
        if (await Task.WhenAny(restored, Task.Delay(RestoreBound)) != restored)
        {
            violations.Add($"foreign writer: {name} not restored within {RestoreBound.TotalSeconds:F0} s (ingress {string.Join(",", tracker.Ingress(name))})");
            return (violations, $"foreign writer: {name} not restored");
        }

        var restoreMs = Stopwatch.GetElapsedTime(started, await restored).TotalMilliseconds;
        await Task.Delay(QuietAfter);
        var operatorWrites = StatusPatches(simulator) - writes - 1;
        if (operatorWrites != 1)
        {
            violations.Add($"foreign writer: the operator wrote {name}'s status {operatorWrites} times to restore it (expected exactly 1; more is a write loop)");
        }

        return (violations, $"foreign writer: {name} restored in {restoreMs:F0} ms with {operatorWrites} write(s), none in the {QuietAfter.TotalSeconds:F0} s after");
    }

    private static int StatusPatches(KubeApiSimulator simulator) => simulator.Requests.Count("patch", "services", "status");
}
