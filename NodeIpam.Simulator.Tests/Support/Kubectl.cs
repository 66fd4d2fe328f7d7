using System.Diagnostics;
using System.Text;

namespace NodeIpam.Simulator.Tests.Support;

/// <summary>
/// Runs the real kubectl (/usr/bin/kubectl) against a simulator with a private kubeconfig and discovery cache.
/// kubectl is part of the development machine; when it is missing the test fails saying so.
/// </summary>
internal sealed class Kubectl : IDisposable
{
    public const string Path = "/usr/bin/kubectl";
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private readonly string _dir;

    public Kubectl(KubeApiSimulator simulator)
    {
        if (!File.Exists(Path))
        {
            Assert.Fail($"kubectl is required at {Path} for the kubectl integration tests (it is preinstalled on the project's machines)");
        }

        _dir = Directory.CreateTempSubdirectory("sim-kubectl-").FullName;
        Kubeconfig = System.IO.Path.Combine(_dir, "kubeconfig");
        simulator.WriteKubeconfig(Kubeconfig);
    }

    public string Kubeconfig { get; }

    public string WorkDir => _dir;

    /// <summary>Runs kubectl to completion; returns exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        using var cts = new CancellationTokenSource(Safety);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs kubectl and fails the test when it exits non-zero; returns stdout.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        exit.Should().Be(0, $"kubectl {string.Join(' ', args)} failed: {error}");
        return output;
    }

    /// <summary>Starts a long-running kubectl (get -w); the caller reads and kills it.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(Kubeconfig);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(System.IO.Path.Combine(_dir, "cache"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = Kubeconfig;
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    /// <summary>Writes a file into the private work directory and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = System.IO.Path.Combine(_dir, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
