using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Tests.Support;

/// <summary>An open watch read line by line; each read has a generous safety timeout so a broken test fails instead of hanging.</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<WatchStream> OpenAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new WatchStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        using var cts = new CancellationTokenSource(Safety);
        var line = await _reader.ReadLineAsync(cts.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Whether an event arrives before <paramref name="wait"/> passes (used to prove silence).</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _reader.ReadLineAsync(cts.Token) is not null;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<List<JsonObject>> NextAsync(int count)
    {
        var events = new List<JsonObject>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAsync() ?? throw new InvalidOperationException($"watch ended after {i} events"));
        }

        return events;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
