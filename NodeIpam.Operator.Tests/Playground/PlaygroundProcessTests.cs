using System.Diagnostics;
using System.Text;
using NodeIpam.Operator.Tests.Support;

namespace NodeIpam.Operator.Tests.Playground;

/// <summary>The playground as <c>make demo</c> runs it: its own process, stopped by a signal as a process manager would.</summary>
public sealed class PlaygroundProcessTests
{
    // Not a duration under test: only how long to wait before calling the process hung.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(90);

    [Test]
    public async Task SIGTERM_stops_the_simulator_and_the_operator_and_exits_0()
    {
        var workDir = Directory.CreateTempSubdirectory("nodeipam-playground-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(TestContext.CurrentContext.TestDirectory, "NodeIpam.Playground.dll"), "--samples", Repository.PathOf("config", "samples") },
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var playground = Process.Start(start) ?? throw new InvalidOperationException("the playground did not start");
        var output = new StringBuilder();
        var running = new TaskCompletionSource();
        playground.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("The operator keeps running", StringComparison.Ordinal) == true)
            {
                running.TrySetResult();
            }
        };
        playground.BeginOutputReadLine();
        var stderr = playground.StandardError.ReadToEndAsync();
        try
        {
            await running.Task.WaitAsync(HangBound);
            using (var kill = Process.Start("kill", ["-TERM", playground.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var hang = new CancellationTokenSource(HangBound);
            var exited = await playground.WaitForExitAsync(hang.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            exited.Should().BeTrue("the playground must exit after SIGTERM, not keep running");
        }
        finally
        {
            if (!playground.HasExited)
            {
                playground.Kill(entireProcessTree: true);
            }

            Directory.Delete(workDir, recursive: true);
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        playground.ExitCode.Should().Be(0, $"stdout:\n{text}\nstderr:\n{await stderr}");
        text.Should().Contain("Stopped.");
    }
}
