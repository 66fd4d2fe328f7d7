using System.Text.Json;
using k8s;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// The serializer options KubernetesClient itself uses (its converters for dates, quantities and int-or-string), so
/// the reflector can deserialize an object straight from UTF-8 bytes or a <see cref="JsonElement"/> with exactly the
/// client's semantics, without first copying the JSON into a string. Read-only use: nothing here changes them.
/// </summary>
internal static class KubernetesJsonOptions
{
    private static readonly Lazy<JsonSerializerOptions> Captured = new(() =>
    {
        JsonSerializerOptions? options = null;
        KubernetesJson.AddJsonOptions(o => options = o);
        return options ?? throw new InvalidOperationException("KubernetesClient did not expose its JSON options.");
    });

    /// <summary>KubernetesClient's options.</summary>
    public static JsonSerializerOptions Options => Captured.Value;
}
