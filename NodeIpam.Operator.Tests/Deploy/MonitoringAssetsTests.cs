using System.Diagnostics;
using NodeIpam.Operator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NodeIpam.Operator.Tests.Deploy;

/// <summary>
/// The opt-in monitoring assets (config/prometheus, config/network-policy, config/grafana): listed but commented out
/// in config/default, and rendered by real kubectl with them switched on, as a user would.
/// </summary>
public sealed class MonitoringAssetsTests
{
    private static readonly string[] Optional = ["../prometheus", "../network-policy", "../grafana"];

    [Test]
    public void The_default_lists_them_commented_out_so_make_deploy_needs_no_prometheus_operator()
    {
        var lines = File.ReadAllLines(Repository.PathOf("config", "default", "kustomization.yaml"));

        foreach (var path in Optional)
        {
            lines.Should().Contain(l => l.TrimStart().StartsWith($"# - {path} ", StringComparison.Ordinal), $"{path} is listed, commented out");
        }

        RenderedManifests.All.Select(o => o.GetType().Name).Should().NotContain(["V1NetworkPolicy", "V1ConfigMap"]);
    }

    [Test]
    public void With_them_switched_on_the_monitor_scrapes_https_with_a_token_and_the_policy_admits_only_labelled_namespaces()
    {
        var documents = RenderWithMonitoring();

        var monitor = documents.Single(d => Kind(d) == "ServiceMonitor");
        var endpoint = (YamlMappingNode)((YamlSequenceNode)monitor["spec"]["endpoints"]).Children.Single();
        Scalar(monitor["metadata"]["namespace"]).Should().Be("nodeipam-system");
        Scalar(endpoint["scheme"]).Should().Be("https");
        Scalar(endpoint["port"]).Should().Be("https");
        Scalar(endpoint["path"]).Should().Be("/metrics");
        Scalar(endpoint["bearerTokenFile"]).Should().Be("/var/run/secrets/kubernetes.io/serviceaccount/token");

        var service = documents.Single(d => Kind(d) == "Service");
        var servicePorts = ((YamlSequenceNode)service["spec"]["ports"]).Children.Select(p => Scalar(p["name"]));
        servicePorts.Should().Contain("https", "the monitor's port names a port of the metrics Service");
        Labels(monitor["spec"]["selector"]["matchLabels"]).Should().BeSubsetOf(Labels(service["metadata"]["labels"]));

        var policy = documents.Single(d => Kind(d) == "NetworkPolicy");
        var rules = ((YamlSequenceNode)policy["spec"]["ingress"]).Children.Cast<YamlMappingNode>().ToList();
        var metricsRule = rules.Single(r => ((YamlSequenceNode)r["ports"]).Children.Any(p => Scalar(p["port"]) == "8443"));
        Labels(((YamlSequenceNode)metricsRule["from"]).Children.Single()["namespaceSelector"]["matchLabels"])
            .Should().Equal(new Dictionary<string, string> { ["metrics"] = "enabled" });
        rules.Where(r => r.Children.ContainsKey("from")).Should().ContainSingle("only the metrics port is restricted to labelled namespaces");
        var pod = documents.Single(d => Kind(d) == "Deployment")["spec"]["template"]["metadata"]["labels"];
        Labels(policy["spec"]["podSelector"]["matchLabels"]).Should().BeSubsetOf(Labels(pod));

        var dashboard = documents.Single(d => Kind(d) == "ConfigMap");
        Labels(dashboard["metadata"]["labels"]).Should().Contain("grafana_dashboard", "1");
        Scalar(dashboard["data"]["dashboard.json"]).Should().Be(File.ReadAllText(Repository.PathOf("config", "grafana", "dashboard.json")));
    }

    // A copy of config/ whose default has the optional lines uncommented, rendered by kubectl.
    private static List<YamlMappingNode> RenderWithMonitoring()
    {
        var copy = Directory.CreateTempSubdirectory("config-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Repository.PathOf("config"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Repository.PathOf("config"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var kustomization = Path.Combine(copy, "default", "kustomization.yaml");
            var text = File.ReadAllText(kustomization);
            foreach (var path in Optional)
            {
                text = text.Replace($"# - {path} ", $"- {path} ", StringComparison.Ordinal);
            }

            File.WriteAllText(kustomization, text);
            var stream = new YamlStream();
            stream.Load(new StringReader(Kustomize(Path.Combine(copy, "default"))));
            return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var kubectl = Process.Start(start)!;
        var stdout = kubectl.StandardOutput.ReadToEndAsync();
        var stderr = kubectl.StandardError.ReadToEnd();
        kubectl.WaitForExit();
        kubectl.ExitCode.Should().Be(0, stderr);
        return stdout.Result;
    }

    private static string Kind(YamlMappingNode document) => Scalar(document["kind"]);

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static Dictionary<string, string> Labels(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(p => Scalar(p.Key), p => Scalar(p.Value));
}
