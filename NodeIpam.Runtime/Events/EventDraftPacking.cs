using System.Text;

namespace NodeIpam.Runtime.Events;

/// <summary>
/// Packs an <see cref="EventDraft"/> into one UTF-8 byte array and back, exactly: every field, strings
/// length-prefixed (<see cref="BinaryWriter"/>), times as clock ticks plus offset, what repeats the regarding object
/// written once. This is how the correlator keeps the Event that began a series for as long as the series lives (a
/// patch names it; a patch that finds it gone creates it again whole): one array about as long as the note, instead
/// of a draft, a reference and up to ten UTF-16 strings.
/// </summary>
internal static class EventDraftPacking
{
    // Strict: a string that is not valid UTF-16 (a lone surrogate) throws instead of becoming U+FFFD, so that
    // what is packed always comes back exactly as it was.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The packed draft, or null when one of its strings is not valid UTF-16 and so cannot be packed losslessly.</summary>
    public static byte[]? TryPack(EventDraft draft)
    {
        var regarding = draft.Regarding;

        // What the recorder derives from the regarding object (the Event's namespace is the object's, its name the
        // object's name and a suffix) is written once: a flag, and the suffix.
        var sameNamespace = draft.Namespace == regarding.Namespace;
        var namePrefix = draft.Name.Length > regarding.Name.Length && draft.Name[regarding.Name.Length] == '.'
            && draft.Name.StartsWith(regarding.Name, StringComparison.Ordinal) ? regarding.Name.Length + 1 : 0;
        var flags = (sameNamespace ? Flags.SameNamespace : 0) | (namePrefix > 0 ? Flags.NameOfRegarding : 0)
            | (regarding.Uid is not null ? Flags.HasUid : 0) | (regarding.ResourceVersion is not null ? Flags.HasResourceVersion : 0);
        using var stream = new MemoryStream(256 + (draft.Note.Length * 2));
        using (var writer = new BinaryWriter(stream, StrictUtf8, leaveOpen: true))
        {
            try
            {
                writer.Write((byte)flags);
                writer.Write(regarding.ApiVersion);
                writer.Write(regarding.Kind);
                writer.Write(regarding.Namespace);
                writer.Write(regarding.Name);
                WriteIf(writer, regarding.Uid);
                WriteIf(writer, regarding.ResourceVersion);
                WriteIf(writer, sameNamespace ? null : draft.Namespace);
                writer.Write(draft.Name[namePrefix..]);
                writer.Write(draft.EventTime.Ticks);
                writer.Write(draft.EventTime.Offset.Ticks);
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
        var flags = (Flags)reader.ReadByte();
        var (apiVersion, kind, regardingNamespace, regardingName) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        var uid = flags.HasFlag(Flags.HasUid) ? reader.ReadString() : null;
        var resourceVersion = flags.HasFlag(Flags.HasResourceVersion) ? reader.ReadString() : null;
        var @namespace = flags.HasFlag(Flags.SameNamespace) ? regardingNamespace : reader.ReadString();
        var name = flags.HasFlag(Flags.NameOfRegarding) ? $"{regardingName}.{reader.ReadString()}" : reader.ReadString();
        var clockTicks = reader.ReadInt64();
        var eventTime = new DateTimeOffset(clockTicks, new TimeSpan(reader.ReadInt64()));
        var regarding = new RegardingReference(apiVersion, kind, regardingNamespace, regardingName, uid, resourceVersion);
        var type = (EventType)reader.ReadInt32();
        return new EventDraft(@namespace, name, eventTime, regarding, type, reader.ReadString(), reader.ReadString(), reader.ReadString());
    }

    private static void WriteIf(BinaryWriter writer, string? value)
    {
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    [Flags]
    private enum Flags : byte
    {
        SameNamespace = 1,
        NameOfRegarding = 2,
        HasUid = 4,
        HasResourceVersion = 8,
    }
}
