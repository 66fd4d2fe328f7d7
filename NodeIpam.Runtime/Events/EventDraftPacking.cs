using System.Text;

namespace NodeIpam.Runtime.Events;

/// <summary>
/// Packs an <see cref="EventDraft"/> into one UTF-8 byte array and back, exactly: every field, in order, strings
/// length-prefixed (<see cref="BinaryWriter"/>), times as clock ticks plus offset. This is how the correlator keeps the
/// Event that began a series for as long as the series lives (a patch names it; a patch that finds it gone creates it
/// again whole): one object of about the note's length in bytes, instead of a draft, a reference and eight UTF-16
/// strings (~2.3 times as much for the operator's notes).
/// </summary>
internal static class EventDraftPacking
{
    // Strict: a string that is not valid UTF-16 (a lone surrogate) throws instead of becoming U+FFFD, so that
    // what is packed always comes back exactly as it was.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The packed draft, or null when one of its strings is not valid UTF-16 and so cannot be packed losslessly.</summary>
    public static byte[]? TryPack(EventDraft draft)
    {
        using var stream = new MemoryStream(256 + (draft.Note.Length * 2));
        using (var writer = new BinaryWriter(stream, StrictUtf8, leaveOpen: true))
        {
            try
            {
                writer.Write(draft.Namespace);
                writer.Write(draft.Name);
                writer.Write(draft.EventTime.Ticks);
                writer.Write(draft.EventTime.Offset.Ticks);
                writer.Write(draft.Regarding.ApiVersion);
                writer.Write(draft.Regarding.Kind);
                writer.Write(draft.Regarding.Namespace);
                writer.Write(draft.Regarding.Name);
                WriteOptional(writer, draft.Regarding.Uid);
                WriteOptional(writer, draft.Regarding.ResourceVersion);
                writer.Write((int)draft.Type);
                writer.Write(draft.Reason);
                writer.Write(draft.Action);
                writer.Write(draft.Note);
            }
            catch (EncoderFallbackException)
            {
                return null;
            }
        }

        return stream.ToArray();
    }

    /// <summary>The draft <see cref="TryPack"/> packed, equal to it field by field.</summary>
    public static EventDraft Unpack(byte[] packed)
    {
        using var reader = new BinaryReader(new MemoryStream(packed, writable: false), StrictUtf8);
        var @namespace = reader.ReadString();
        var name = reader.ReadString();
        var clockTicks = reader.ReadInt64();
        var eventTime = new DateTimeOffset(clockTicks, new TimeSpan(reader.ReadInt64()));
        var regarding = new RegardingReference(
            reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadOptional(reader), ReadOptional(reader));
        var type = (EventType)reader.ReadInt32();
        return new EventDraft(@namespace, name, eventTime, regarding, type, reader.ReadString(), reader.ReadString(), reader.ReadString());
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
