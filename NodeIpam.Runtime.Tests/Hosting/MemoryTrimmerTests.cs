using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Tests.Informers;

namespace NodeIpam.Runtime.Tests.Hosting;

public class MemoryTrimmerTests
{
    private const long MB = 1024 * 1024;

    [Test]
    public void Trims_once_when_a_burst_is_followed_by_a_quiet_interval_and_never_during_the_burst()
    {
        long allocated = 0;
        var trimmer = new MemoryTrimmer(TimeProvider.System, NullLogger<MemoryTrimmer>.Instance)
        {
            AllocatedBytes = () => allocated,
            Trim = () => { },
        };

        var trimsAfterEachLook = new List<int>();
        foreach (var step in new[] { 1 * MB, 100 * MB, 80 * MB, 1 * MB, 1 * MB, 2 * MB, 50 * MB, 10 * MB, 1 * MB })
        {
            allocated += step;
            trimmer.Tick();
            trimsAfterEachLook.Add(trimmer.Trims);
        }

        // Quiet start: nothing. Burst, burst: nothing. Quiet: one trim. Quiet again: no second one. A new burst, a
        // moderate interval (neither burst nor quiet), then quiet: the second trim.
        trimsAfterEachLook.Should().Equal(0, 0, 0, 1, 1, 1, 1, 1, 2);
    }

    [Test]
    public async Task Looks_at_each_interval_of_the_injected_clock_and_never_trims_while_busy()
    {
        var time = new FakeTimeProvider();
        long allocated = 0;
        var trimmer = new MemoryTrimmer(time, NullLogger<MemoryTrimmer>.Instance)
        {
            AllocatedBytes = () => allocated += 64 * MB,
            Trim = () => { },
        };
        await trimmer.StartAsync(CancellationToken.None);

        // ExecuteAsync starts on its own thread, so the clock is advanced until the looks happen, never slept on.
        await Eventually.HoldsAsync(
            () =>
            {
                time.Advance(RuntimeDefaults.MemoryTrimInterval);
                return allocated >= 3 * 64 * MB;
            },
            "a look per interval of the injected clock");

        await trimmer.StopAsync(CancellationToken.None);
        trimmer.Trims.Should().Be(0, "it was never quiet");
    }
}
