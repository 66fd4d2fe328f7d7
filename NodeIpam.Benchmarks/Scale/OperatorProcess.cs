using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// The operator as its own process (<c>dotnet NodeIpam.Operator.dll run</c>, the build next to this benchmark), so its
/// memory and CPU are its own: sampled from /proc/&lt;pid&gt;/status (VmRSS, VmHWM) and /proc/&lt;pid&gt;/stat
/// (utime + stime), and its counters read from its /metrics like Prometheus would (plain HTTP on loopback:
/// --metrics-secure=false, so the figures do not include token reviews).
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    // USER_HZ: /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s on Linux.
    private const double TicksPerSecond = 100;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _metrics;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakRss;

    private OperatorProcess(Process process, Uri metrics)
    {
        _process = process;
        _metrics = metrics;
        _sampler = Task.Run(SampleAsync);
    }

    public int Pid => _process.Id;

    /// <summary>The highest resident set seen by sampling or by the kernel's high-water mark, in bytes.</summary>
    public long PeakRssBytes => Math.Max(Interlocked.Read(ref _peakRss), ReadStatusKb("VmHWM") * 1024);

    /// <summary>
    /// Starts <c>run</c> against <paramref name="kubeconfig"/> with leader election, as the Deployment does;
    /// <paramref name="operatorDll"/> null runs the operator built next to the benchmark.
    /// </summary>
    public static OperatorProcess Start(string kubeconfig, string logPath, int workers, string leaseNamespace, string? operatorDll = null)
    {
        var dll = operatorDll ?? Path.Combine(AppContext.BaseDirectory, "NodeIpam.Operator.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build NodeIpam.Benchmarks (it references the operator)");
        }

        var metricsPort = FreePort();
        var probePort = FreePort();
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };

        // exec: the pid we sample is the operator itself, and its log goes straight to a file.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$LOG\" 2>&1");
        start.ArgumentList.Add(DotnetHost());
        foreach (var arg in (string[])[dll, "run", "--kubeconfig", kubeconfig, "--leader-elect", "--leader-election-namespace", leaseNamespace,
                     "--metrics-bind-address", $"127.0.0.1:{metricsPort}", "--metrics-secure=false", "--health-probe-bind-address", $"127.0.0.1:{probePort}"])
        {
            start.ArgumentList.Add(arg);
        }

        if (workers > 0)
        {
            start.ArgumentList.Add("--workers");
            start.ArgumentList.Add(workers.ToString(CultureInfo.InvariantCulture));
        }

        start.Environment["LOG"] = logPath;
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the operator");
        return new OperatorProcess(process, new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
    }

    /// <summary>Resident set now, in bytes.</summary>
    public long RssBytes() => ReadStatusKb("VmRSS") * 1024;

    /// <summary>User + system CPU seconds used so far.</summary>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");

            // Fields after the command name (which may hold spaces) start at state; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The sum of every series of a counter or gauge on /metrics; null while the endpoint is not up.</summary>
    public async Task<double?> MetricAsync(string name)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(_metrics);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            {
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Stops it like the kubelet does (SIGTERM), waiting for the graceful drain.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
        _http.Dispose();
        _process.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested && !_process.HasExited)
        {
            var rss = RssBytes();
            if (rss > Interlocked.Read(ref _peakRss))
            {
                Interlocked.Exchange(ref _peakRss, rss);
            }

            try
            {
                await Task.Delay(SampleInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }

        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
