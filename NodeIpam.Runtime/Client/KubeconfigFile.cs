using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Reads one kubeconfig file into KubernetesClient's own model, as its <c>LoadKubeConfig</c> does (the file's full
/// path is kept so that relative certificate paths resolve against it; fields the model does not know are ignored),
/// but with a plain YamlDotNet deserializer: every kubeconfig property carries its YAML name as an attribute, so none
/// of the client's YAML set-up is needed. That set-up (<c>KubernetesYaml</c>) maps every API model's JSON names when
/// first used and keeps the map for the life of the process, megabytes of heap to read a short file (README,
/// Benchmarks). A file that is not YAML is a <see cref="KubeConfigException"/> naming the file and the position.
/// </summary>
internal static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .IgnoreUnmatchedProperties()
        .WithAttemptingUnquotedStringTypeDeserialization() // untyped values (preferences, extensions) as the client reads them
        .Build();

    public static K8SConfiguration Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new KubeConfigException($"kubeconfig file not found: {file.FullName}");
        }

        K8SConfiguration? configuration;
        try
        {
            using var reader = file.OpenText();
            configuration = Deserializer.Deserialize<K8SConfiguration?>(reader);
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {file.FullName}: line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}");
        }

        configuration ??= new K8SConfiguration();
        configuration.FileName = file.FullName;
        return configuration;
    }
}
