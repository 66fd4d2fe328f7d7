using System.Globalization;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>Leak indicators of a process from /proc: threads, and established TCP connections to one local port.</summary>
internal static class ProcessProbe
{
    public static int Threads(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            return line is null ? -1 : int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Connections of <paramref name="pid"/> to 127.0.0.1:<paramref name="port"/> (its open watches plus idle keep-alives).</summary>
    public static int ConnectionsTo(int pid, int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }

            var count = 0;
            foreach (var table in (string[])[$"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6"])
            {
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var remotePort = int.Parse(fields[2][(fields[2].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (fields[3] == "01" && remotePort == port && inodes.Contains(fields[9]))
                    {
                        count++;
                    }
                }
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
