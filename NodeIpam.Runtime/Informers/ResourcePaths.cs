using System.Reflection;
using k8s.Models;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// API paths of a KubernetesClient model type, from its <see cref="KubernetesEntityAttribute"/>:
/// <c>api/v1/...</c> for the core group, <c>apis/{group}/{version}/...</c> otherwise.
/// </summary>
internal sealed record ResourcePaths(string Group, string Version, string Kind, string Plural)
{
    /// <summary>apiVersion as written in objects: <c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    private string Prefix => Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";

    public static ResourcePaths For<TEntity>() => For(typeof(TEntity));

    public static ResourcePaths For(Type type)
    {
        var attribute = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [KubernetesEntity] attribute.", nameof(type));
        return new ResourcePaths(attribute.Group ?? string.Empty, attribute.ApiVersion, attribute.Kind, attribute.PluralName);
    }

    /// <summary>The collection across all namespaces (or the cluster-scoped collection).</summary>
    public string Collection() => $"{Prefix}/{Plural}";

    /// <summary>The collection in one namespace.</summary>
    public string Collection(string @namespace) => $"{Prefix}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";

    /// <summary>One namespaced object.</summary>
    public string Item(string @namespace, string name) => $"{Collection(@namespace)}/{Uri.EscapeDataString(name)}";
}
