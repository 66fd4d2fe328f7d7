using System.Diagnostics;
using k8s.Models;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Caching;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// Ownership: a managed Service that becomes <c>type: ClusterIP</c> must afterwards carry neither our condition nor
/// our addresses (the API server clears only status.loadBalancer and keeps the conditions), and a LoadBalancer
/// Service of another class keeps exactly what its controller wrote (its resourceVersion never moves). Neither
/// Service is in the model, so the churn and the final plan comparison leave them alone.
/// </summary>
internal sealed class OwnershipCheck(KubeApiSimulator simulator, StatusTracker tracker) : IDisposable
{
    public const string Owned = "soak-owned";
    public const string OtherClass = "soak-other-class";
    private const string OtherClassName = "example.com/other-lb";
    private const string OtherIp = "192.0.2.77";
    private const string OtherCondition = "example.com/Provisioned";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly SoakClient _user = new(simulator.BaseAddress, "soak-user");
    private readonly SoakClient _otherController = new(simulator.BaseAddress, "soak-other-controller");
    private string? _otherVersion;

    /// <summary>Creates both Services; the other controller writes its status; waits until ours is advertised.</summary>
    public async Task<string?> SetUpAsync()
    {
        simulator.Store.Create(ClusterObjects.Service(Owned, local: false, selector: null, dualStack: false));
        var other = ClusterObjects.Service(OtherClass, local: false, selector: null, dualStack: false);
        other.Spec.LoadBalancerClass = OtherClassName;
        simulator.Store.Create(other);
        await _otherController.PatchServiceAsync(
            OtherClass,
            $$$"""{"status":{"loadBalancer":{"ingress":[{"ip":"{{{OtherIp}}}","ipMode":"VIP"}]},"conditions":[{"type":"{{{OtherCondition}}}","status":"True","reason":"Provisioned","message":"by the other controller","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""",
            status: true);
        if (!await WaitAsync(() => tracker.Latest(Owned) is { } s && OurCondition(s) is not null && Ingress(s).Count > 0))
        {
            return $"ownership: {Owned} got no addresses and condition within {Bound.TotalSeconds:F0} s";
        }

        _otherVersion = await WaitAsync(() => tracker.Latest(OtherClass)?.Status?.Conditions?.Count > 0) ? tracker.Latest(OtherClass)!.Metadata.ResourceVersion : null;
        return _otherVersion is null ? $"ownership: the other controller's status on {OtherClass} never showed" : null;
    }

    /// <summary>Turns the managed Service into a ClusterIP one, as a user would; returns the violations and a line of figures.</summary>
    public async Task<(List<string> Violations, string Figures)> RunAsync()
    {
        var violations = new List<string>();
        var started = Stopwatch.GetTimestamp();
        await _user.PatchServiceAsync(Owned, """{"spec":{"type":"ClusterIP"}}""", status: false);
        var released = await WaitAsync(() => tracker.Latest(Owned) is { Spec.Type: "ClusterIP" } s && OurCondition(s) is null && Ingress(s).Count == 0);
        var service = tracker.Latest(Owned);
        if (!released)
        {
            violations.Add($"ownership: {Owned} became ClusterIP but {Bound.TotalSeconds:F0} s later still carries {Describe(service)}");
        }

        violations.AddRange(CheckOtherClass());
        return (violations, released
            ? $"ownership: {Owned} released (no condition, no addresses) {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms after it became ClusterIP; {OtherClass} untouched"
            : $"ownership: {Owned} still carries {Describe(service)}");
    }

    /// <summary>The Service of another class still holds exactly what its controller wrote.</summary>
    public IEnumerable<string> CheckOtherClass()
    {
        var other = tracker.Latest(OtherClass);
        if (other?.Metadata.ResourceVersion != _otherVersion
            || !Ingress(other).SequenceEqual([OtherIp])
            || other?.Status?.Conditions?.Select(c => c.Type).SequenceEqual([OtherCondition]) != true)
        {
            yield return $"ownership: {OtherClass} (class {OtherClassName}) was changed: resourceVersion {_otherVersion} -> {other?.Metadata.ResourceVersion}, {Describe(other)}";
        }
    }

    public void Dispose()
    {
        _user.Dispose();
        _otherController.Dispose();
    }

    private static V1Condition? OurCondition(V1Service service) =>
        service.Status?.Conditions?.FirstOrDefault(c => c.Type == ServiceStatusNames.ConditionType);

    private static List<string> Ingress(V1Service? service) => [.. service?.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []];

    private static string Describe(V1Service? service) =>
        service is null
            ? "nothing (not seen)"
            : $"ingress [{string.Join(",", Ingress(service))}], conditions [{string.Join(",", service.Status?.Conditions?.Select(c => $"{c.Type}={c.Status}") ?? [])}]";

    private static async Task<bool> WaitAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
