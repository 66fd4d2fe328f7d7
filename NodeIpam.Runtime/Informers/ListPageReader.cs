using System.Text;
using System.Text.Json;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Reads one page of a LIST response from its stream without ever holding the whole page: every element of
/// <c>items</c> is handed to a callback as soon as its bytes are complete, so memory is bounded by the largest single
/// object (a 5,000-node page of 12 KB nodes never exists as one buffer or one document). Only
/// <c>metadata.resourceVersion</c> and <c>metadata.continue</c> are read besides the items; other fields are skipped.
/// </summary>
internal static class ListPageReader
{
    // Filled completely before parsing, so an object split across reads is re-scanned once per buffer, not once per
    // network read (which made reading large objects quadratic). Doubled whenever one object does not fit; a new
    // array each time (not pooled), so a huge object leaves nothing behind once the list is read.
    private const int InitialBufferBytes = 256 * 1024;

    // No Kubernetes object comes near this (etcd refuses values over 1.5 MB by default); a body with a single
    // value larger than this is broken or hostile, and gets an error instead of all the memory there is.
    private const int MaxItemBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads the page. <paramref name="onItem"/> gets each item's JSON; the bytes are valid only during the call.
    /// Throws <see cref="JsonException"/> when the body is not a JSON object or ends early.
    /// </summary>
    public static async Task<ListPageInfo> ReadAsync(Stream stream, ItemCallback onItem, CancellationToken cancellationToken)
    {
        var parser = new Parser(onItem);
        var buffer = new byte[InitialBufferBytes];
        var filled = 0;
        var final = false;
        while (true)
        {
            if (!final)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxItemBytes)
                    {
                        throw new JsonException($"a single value of the LIST response exceeds {MaxItemBytes / (1024 * 1024)} MB");
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                while (filled < buffer.Length && !final)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    final = read == 0;
                    filled += read;
                }
            }

            var consumed = parser.Process(buffer.AsSpan(0, filled), final);
            if (consumed > 0)
            {
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }

            if (parser.IsDone)
            {
                return new ListPageInfo(parser.ResourceVersion, parser.Continue);
            }

            if (final)
            {
                throw new JsonException("the LIST response ended before its JSON object was complete");
            }
        }
    }

    /// <summary>Receives one item's UTF-8 JSON.</summary>
    public delegate void ItemCallback(ReadOnlySpan<byte> json);

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        InItems,
        Done,
    }

    // The state that survives between buffers: where in the document we are and the reader's own state. A step
    // (one token, or one whole value) is committed only when it was complete, so an incomplete one is re-read from
    // its start once more bytes arrived.
    private sealed class Parser(ItemCallback onItem)
    {
        private static readonly byte[] Items = Encoding.UTF8.GetBytes("items");
        private static readonly byte[] Metadata = Encoding.UTF8.GetBytes("metadata");
        private JsonReaderState _state;
        private Phase _phase = Phase.BeforeRoot;

        public bool IsDone => _phase == Phase.Done;

        public string? ResourceVersion { get; private set; }

        public string? Continue { get; private set; }

        public int Process(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var committed = 0;
            while (_phase != Phase.Done && Step(ref reader, data))
            {
                committed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return committed;
        }

        // One step; false when the bytes for it are not all there yet (nothing is changed then).
        private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_phase)
            {
                case Phase.BeforeRoot:
                    _phase = reader.TokenType == JsonTokenType.StartObject
                        ? Phase.InRoot
                        : throw new JsonException($"a LIST response must be a JSON object, not {reader.TokenType}");
                    return true;
                case Phase.InRoot when reader.TokenType == JsonTokenType.EndObject:
                    _phase = Phase.Done;
                    return true;
                case Phase.InRoot:
                    return RootProperty(ref reader, data);
                default:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = Phase.InRoot;
                        return true;
                    }

                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    onItem(data[start..(int)reader.BytesConsumed]);
                    return true;
            }
        }

        private bool RootProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            var isItems = reader.ValueTextEquals(Items);
            var isMetadata = reader.ValueTextEquals(Metadata);
            if (!reader.Read())
            {
                return false;
            }

            if (isItems && reader.TokenType == JsonTokenType.StartArray)
            {
                _phase = Phase.InItems;
                return true;
            }

            var start = (int)reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                return false;
            }

            if (isMetadata && reader.TokenType == JsonTokenType.EndObject)
            {
                ReadMetadata(data[start..(int)reader.BytesConsumed]);
            }

            return true;
        }

        private void ReadMetadata(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (name == "resourceVersion" || name == "continue"))
                {
                    var value = reader.GetString() is { Length: > 0 } text ? text : null;
                    if (name == "resourceVersion")
                    {
                        ResourceVersion = value;
                    }
                    else
                    {
                        Continue = value;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }
}
