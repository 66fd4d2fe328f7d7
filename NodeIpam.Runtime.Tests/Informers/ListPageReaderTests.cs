using System.Text;
using System.Text.Json;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class ListPageReaderTests
{
    private static async Task<(ListPageInfo Info, List<string> Items)> Read(string json, int chunk = int.MaxValue)
    {
        var items = new List<string>();
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk);
        var info = await ListPageReader.ReadAsync(stream, item => items.Add(Encoding.UTF8.GetString(item)), CancellationToken.None);
        return (info, items);
    }

    [Test]
    public async Task Items_and_the_list_metadata_arrive_the_same_whatever_the_read_sizes()
    {
        const string json = """
            {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"tok","remainingItemCount":3},
             "items":[{"metadata":{"name":"a","labels":{"x":"[{\"}"}}},{"metadata":{"name":"b"}} , {"metadata":{"name":"c"},"list":[1,2,[3]]}]}
            """;
        foreach (var chunk in new[] { 1, 2, 7, 64, int.MaxValue })
        {
            var (info, items) = await Read(json, chunk);

            info.Should().Be(new ListPageInfo("42", "tok"), $"reading {chunk} bytes at a time");
            items.Select(i => JsonDocument.Parse(i).RootElement.GetProperty("metadata").GetProperty("name").GetString())
                .Should().Equal(["a", "b", "c"], $"reading {chunk} bytes at a time");
            items[0].Should().Be("""{"metadata":{"name":"a","labels":{"x":"[{\"}"}}}""");
        }
    }

    [Test]
    public async Task An_object_larger_than_the_buffer_is_delivered_whole_and_metadata_may_follow_the_items()
    {
        var big = new string('x', 300_000);
        var json = $$$"""{"items":[{"metadata":{"name":"big"},"data":"{{{big}}}"}],"metadata":{"resourceVersion":"7"}}""";

        var (info, items) = await Read(json, chunk: 4096);

        items.Should().ContainSingle().Which.Should().Be("{\"metadata\":{\"name\":\"big\"},\"data\":\"" + big + "\"}");
        info.Should().Be(new ListPageInfo("7", null));
    }

    [Test]
    public async Task An_empty_or_null_item_list_and_an_empty_continue_token_mean_a_last_page_without_items()
    {
        (await Read("""{"metadata":{"resourceVersion":"1","continue":""},"items":null}""")).Should().BeEquivalentTo(
            (new ListPageInfo("1", null), new List<string>()));
        (await Read("""{"items":[],"metadata":{}}""")).Items.Should().BeEmpty();
    }

    [Test]
    public async Task A_truncated_body_or_one_that_is_not_an_object_is_a_json_error()
    {
        await FluentActions.Awaiting(() => Read("""{"metadata":{"resourceVersion":"1"},"items":[{"metadata":""", chunk: 5))
            .Should().ThrowAsync<JsonException>();
        await FluentActions.Awaiting(() => Read("""[{"metadata":{}}]"""))
            .Should().ThrowAsync<JsonException>().WithMessage("*must be a JSON object*");
    }

    // Hands out at most `chunk` bytes per read, as a slow network would.
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
