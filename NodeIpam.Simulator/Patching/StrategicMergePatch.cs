using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Patching;

/// <summary>
/// Strategic merge patch: maps merge, null deletes, lists follow <see cref="PatchStrategies"/> (merged by key,
/// merged as a set, or replaced). Directives: <c>$patch: replace|delete|merge</c>, <c>$retainKeys</c>,
/// <c>$setElementOrder/field</c>, <c>$deleteFromPrimitiveList/field</c>.
/// </summary>
internal static class StrategicMergePatch
{
    private const string SetOrderPrefix = "$setElementOrder/";
    private const string DeletePrimitivePrefix = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(ResourceType type, JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonObject map)
        {
            throw ApiError.BadRequest("the strategic merge patch must be a JSON object");
        }

        return MergeMap(type, target, map, []) ?? [];
    }

    /// <summary>A copy of <paramref name="node"/> without any <c>$</c> directive keys.</summary>
    public static JsonNode? Strip(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !p.Key.StartsWith('$')).Select(p => KeyValuePair.Create(p.Key, Strip(p.Value)))),
        JsonArray a => new JsonArray([.. a.Where(e => e is not JsonObject eo || Meta.String(eo, "$patch") is null).Select(Strip)]),
        _ => node?.DeepClone(),
    };

    private static JsonObject? MergeMap(ResourceType type, JsonObject original, JsonObject patch, List<string> path)
    {
        switch (Meta.String(patch, "$patch"))
        {
            case "replace":
                return (JsonObject)Strip(patch)!;
            case "delete":
                return null;
        }

        var orders = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetOrderPrefix, StringComparison.Ordinal) && value is JsonArray order)
            {
                orders[key[SetOrderPrefix.Length..]] = order;
            }
            else if (key.StartsWith(DeletePrimitivePrefix, StringComparison.Ordinal) && value is JsonArray removed)
            {
                var field = key[DeletePrimitivePrefix.Length..];
                if (original[field] is JsonArray list)
                {
                    var drop = removed.Select(r => r?.ToJsonString()).ToHashSet(StringComparer.Ordinal);
                    original[field] = new JsonArray([.. list.Where(e => !drop.Contains(e?.ToJsonString())).Select(e => e?.DeepClone())]);
                }
            }
            else if (key.StartsWith('$'))
            {
                continue;
            }
            else if (value is null)
            {
                original.Remove(key);
            }
            else
            {
                var child = new List<string>(path) { key };
                var merged = (original[key], value) switch
                {
                    (JsonObject o, JsonObject p) => MergeMap(type, o.DeepClone().AsObject(), p, child),
                    (_, JsonObject p) => MergeMap(type, [], p, child),
                    (var o, JsonArray p) => MergeList(type, o as JsonArray, p, child),
                    _ => value.DeepClone(),
                };
                if (merged is null)
                {
                    original.Remove(key);
                }
                else
                {
                    original[key] = merged;
                }
            }
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (field, order) in orders)
        {
            if (original[field] is JsonArray list)
            {
                original[field] = Reorder(list, order, PatchStrategies.MergeKey(type, [.. path, field]));
            }
        }

        return original;
    }

    private static JsonArray MergeList(ResourceType type, JsonArray? original, JsonArray patch, List<string> path)
    {
        var key = PatchStrategies.MergeKey(type, path);
        var replace = patch.OfType<JsonObject>().Any(e => Meta.String(e, "$patch") == "replace");
        if (key is null || original is null || replace)
        {
            return (JsonArray)Strip(patch)!;
        }

        var result = original.Select(e => e?.DeepClone()).ToList();
        if (key == PatchStrategies.PrimitiveMerge)
        {
            foreach (var value in patch.Where(v => v is not JsonObject))
            {
                if (!result.Any(r => JsonNode.DeepEquals(r, value)))
                {
                    result.Add(value?.DeepClone());
                }
            }

            return new JsonArray([.. result]);
        }

        foreach (var element in patch.OfType<JsonObject>())
        {
            var id = element[key]?.ToJsonString();
            var index = result.FindIndex(r => r is JsonObject ro && ro[key]?.ToJsonString() == id);
            if (Meta.String(element, "$patch") == "delete")
            {
                result.RemoveAll(r => r is JsonObject ro && ro[key]?.ToJsonString() == id);
            }
            else if (index >= 0)
            {
                result[index] = MergeMap(type, result[index]!.AsObject(), element, path);
            }
            else
            {
                result.Add(Strip(element));
            }
        }

        return new JsonArray([.. result.Where(r => r is not null)]);
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order, string? key)
    {
        string? Id(JsonNode? n) => key is null or PatchStrategies.PrimitiveMerge ? n?.ToJsonString() : (n as JsonObject)?[key]?.ToJsonString();
        var position = order.Select((o, i) => (Id(o), i)).Where(p => p.Item1 is not null).GroupBy(p => p.Item1!).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var sorted = list.Select((e, i) => (e, i))
            .OrderBy(p => Id(p.e) is { } id && position.TryGetValue(id, out var at) ? at : int.MaxValue)
            .ThenBy(p => p.i)
            .Select(p => p.e?.DeepClone());
        return new JsonArray([.. sorted]);
    }
}
