using System.Text;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Protobuf;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (magic "k8s\0" + runtime.Unknown{typeMeta, raw}) into JSON for the
/// kinds in <see cref="ProtoSchemas"/>. Empty strings and zero numbers are dropped, as Go's omitempty JSON does.
/// </summary>
internal static class ProtobufDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(byte[] body)
    {
        if (!body.AsSpan().StartsWith(Magic))
        {
            throw ApiError.BadRequest("protobuf body without the k8s envelope");
        }

        try
        {
            var reader = new ProtoReader(body.AsSpan(Magic.Length));
            string apiVersion = "", kind = "";
            byte[] raw = [];
            while (reader.More)
            {
                reader.Next(out var number, out _, out var bytes);
                if (number == 1)
                {
                    var meta = new ProtoReader(bytes);
                    while (meta.More)
                    {
                        meta.Next(out var n, out _, out var b);
                        (apiVersion, kind) = n == 1 ? (Encoding.UTF8.GetString(b), kind) : n == 2 ? (apiVersion, Encoding.UTF8.GetString(b)) : (apiVersion, kind);
                    }
                }
                else if (number == 2)
                {
                    raw = bytes.ToArray();
                }
            }

            var schema = ProtoSchemas.For(apiVersion, kind)
                ?? throw ApiError.UnsupportedMediaType($"application/vnd.kubernetes.protobuf ({apiVersion} {kind}: the simulator decodes protobuf only for Namespace, Service, ConfigMap, Secret, ServiceAccount; send JSON)");
            var obj = Message(raw, schema);
            obj["apiVersion"] = apiVersion;
            obj["kind"] = kind;
            return obj;
        }
        catch (FormatException e)
        {
            throw ApiError.BadRequest($"error decoding protobuf body: {e.Message}");
        }
    }

    private static JsonObject Message(ReadOnlySpan<byte> data, ProtoMessage schema)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            reader.Next(out var number, out var varint, out var bytes);
            if (schema.Field(number) is not { } field)
            {
                continue;
            }

            var value = Value(field, varint, bytes);
            if (value is null)
            {
                continue;
            }

            if (field.Kind is ProtoKind.StringMap or ProtoKind.BytesMap)
            {
                var map = obj[field.Json] as JsonObject ?? [];
                obj[field.Json] = map;
                foreach (var (k, v) in value.AsObject().ToList())
                {
                    value.AsObject().Remove(k);
                    map[k] = v;
                }
            }
            else if (field.Repeated)
            {
                var list = obj[field.Json] as JsonArray ?? [];
                obj[field.Json] = list;
                list.Add(value);
            }
            else
            {
                obj[field.Json] = value;
            }
        }

        return obj;
    }

    private static JsonNode? Value(ProtoField field, ulong varint, ReadOnlySpan<byte> bytes) => field.Kind switch
    {
        ProtoKind.String => bytes.Length == 0 && !field.Repeated ? null : JsonValue.Create(Encoding.UTF8.GetString(bytes)),
        ProtoKind.Int => varint == 0 ? null : JsonValue.Create((long)varint),
        ProtoKind.Bool => varint == 0 ? null : JsonValue.Create(true),
        ProtoKind.Message => Message(bytes, field.Message!) is { Count: > 0 } m || field.Repeated ? Message(bytes, field.Message!) : null,
        ProtoKind.StringMap or ProtoKind.BytesMap => MapEntry(bytes, field.Kind == ProtoKind.BytesMap),
        ProtoKind.IntOrString => IntOrString(bytes),
        _ => null,
    };

    private static JsonObject MapEntry(ReadOnlySpan<byte> bytes, bool base64)
    {
        var reader = new ProtoReader(bytes);
        string key = "", value = "";
        while (reader.More)
        {
            reader.Next(out var n, out _, out var b);
            if (n == 1)
            {
                key = Encoding.UTF8.GetString(b);
            }
            else if (n == 2)
            {
                value = base64 ? Convert.ToBase64String(b) : Encoding.UTF8.GetString(b);
            }
        }

        return new JsonObject { [key] = value };
    }

    private static JsonValue IntOrString(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        ulong type = 0, number = 0;
        var text = "";
        while (reader.More)
        {
            reader.Next(out var n, out var v, out var b);
            (type, number, text) = n switch
            {
                1 => (v, number, text),
                2 => (type, v, text),
                3 => (type, number, Encoding.UTF8.GetString(b)),
                _ => (type, number, text),
            };
        }

        return type == 1 ? JsonValue.Create(text) : JsonValue.Create((long)(int)number);
    }
}
