using System.Globalization;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Registry;

/// <summary>The checks that turn a write into 409 Conflict or 422 Invalid.</summary>
internal static class WriteChecks
{
    public static void ResourceVersion(ResourceType type, string name, JsonObject desired, StoredObject current)
    {
        var rv = Meta.ResourceVersion(desired);
        if (!string.IsNullOrEmpty(rv) && rv != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw ApiError.Conflict(type, name);
        }
    }

    public static void Preconditions(ResourceType type, string name, JsonObject? options, JsonObject node, StoredObject current)
    {
        var uid = Meta.String(options?["preconditions"], "uid");
        var actualUid = Meta.String(node["metadata"], "uid");
        if (!string.IsNullOrEmpty(uid) && uid != actualUid)
        {
            throw ApiError.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {actualUid}");
        }

        var rv = Meta.String(options?["preconditions"], "resourceVersion");
        if (!string.IsNullOrEmpty(rv) && rv != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw ApiError.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
        }
    }

    public static void NoNewFinalizers(ResourceType type, JsonObject current, JsonObject next)
    {
        if (current["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var before = Meta.Finalizers(current);
        if (Meta.Finalizers(next).Any(f => !before.Contains(f)))
        {
            Valid(type, Meta.Name(current), [FieldError.Forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted")]);
        }
    }

    public static void Valid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(type, name, errors);
        }
    }
}
