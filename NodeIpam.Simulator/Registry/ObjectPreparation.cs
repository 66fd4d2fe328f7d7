using System.Globalization;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Registry;

/// <summary>The request checks every write shares: apiVersion/kind, name and namespace against the URL.</summary>
internal static class ObjectPreparation
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>Checks and fills apiVersion, kind and namespace; throws 400 on a mismatch.</summary>
    public static void CheckTypeAndNamespace(ResourceType type, string ns, JsonObject obj)
    {
        var apiVersion = Meta.String(obj, "apiVersion");
        var kind = Meta.String(obj, "kind");
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var meta = Meta.Metadata(obj);
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }

        var bodyNs = Meta.String(meta, "namespace");
        if (string.IsNullOrEmpty(bodyNs))
        {
            meta["namespace"] = ns;
        }
        else if (bodyNs != ns)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    /// <summary>Resolves metadata.generateName into a name when no name is given.</summary>
    public static void ResolveGenerateName(JsonObject obj)
    {
        var meta = Meta.Metadata(obj);
        var prefix = Meta.String(meta, "generateName");
        if (string.IsNullOrEmpty(Meta.String(meta, "name")) && !string.IsNullOrEmpty(prefix))
        {
            var suffix = new string([.. Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)])]);
            meta["name"] = prefix + suffix;
        }
    }

    /// <summary>RFC 3339 at second precision, as metav1.Time serializes.</summary>
    public static string Timestamp(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Copies the metadata a client cannot change from the stored object.</summary>
    public static void KeepSystemMetadata(JsonObject next, JsonObject current)
    {
        var to = Meta.Metadata(next);
        var from = Meta.Metadata(current);
        foreach (var field in (string[])["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name", "managedFields"])
        {
            if (from[field] is { } value)
            {
                to[field] = value.DeepClone();
            }
            else
            {
                to.Remove(field);
            }
        }

        to.Remove("selfLink");
    }

    /// <summary>Namespaced seeds without a namespace land in "default", as kubectl does.</summary>
    public static string DefaultNamespace(ResourceType type, JsonObject obj) =>
        type.Namespaced ? (Meta.Namespace(obj) is { Length: > 0 } ns ? ns : "default") : "";
}
