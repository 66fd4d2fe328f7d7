using k8s;
using k8s.Models;
namespace NodeIpam.Operator.Tests.Cli;

public class PlanCommandTests
{
    private const string Cluster =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: n1, labels: {zone: a}}
          status: {addresses: [{type: InternalIP, address: 10.0.0.1}, {type: ExternalIP, address: 203.0.113.1}]}
        - apiVersion: v1
          kind: Node
          metadata: {name: n2, labels: {zone: b}}
          status: {addresses: [{type: InternalIP, address: 10.0.0.2}]}
        - apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop, annotations: {io.cilium.nodeipam/match-node-labels: zone=b}}
          spec: {type: LoadBalancer, loadBalancerClass: io.cilium/node, ipFamilies: [IPv4]}
        - apiVersion: v1
          kind: Service
          metadata: {name: api, namespace: shop}
          spec: {type: LoadBalancer, loadBalancerClass: io.cilium/node, ipFamilies: [IPv4]}
        - apiVersion: v1
          kind: Service
          metadata: {name: dns, namespace: kube-system}
          spec: {type: ClusterIP}
        """;

    [Test]
    public async Task Prints_a_table_sorted_by_namespace_and_name()
    {
        var (code, output, error) = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-");
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Be(
            """
            SERVICE           MANAGED   ADDRESSES     REASON
            kube-system/dns   no        -             type is ClusterIP, not LoadBalancer
            shop/api          yes       203.0.113.1   2 of 2 nodes selected; IPv4 from ExternalIPs
            shop/web          yes       10.0.0.2      1 of 2 nodes selected; IPv4 from InternalIPs

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task Explains_one_Service_node_by_node()
    {
        var (code, output, _) = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "--service", "shop/web");
        code.Should().Be(0);
        output.Should().Be(
            """
            Service:   shop/web
            Managed:   yes
            Policy:    Cluster (all nodes)
            Selector:  zone=b
            Families:  IPv4 from InternalIPs
            Ingress:   10.0.0.2
            Nodes:     1 of 2 selected

            NODE   SELECTED   REASON
            n1     no         does not match the node selector
            n2     yes        selected: advertises 10.0.0.2

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task Prints_only_the_chosen_Service_as_json()
    {
        var (code, output, _) = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "-o", "json", "--service", "shop/web");
        code.Should().Be(0);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var services = json.RootElement.GetProperty("services");
        services.GetArrayLength().Should().Be(1);
        services[0].GetProperty("ingress")[0].GetProperty("ip").GetString().Should().Be("10.0.0.2");
    }

    [Test]
    public async Task Prints_the_same_report_as_yaml()
    {
        var (code, output, _) = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "-o", "yaml", "--service", "shop/web");
        code.Should().Be(0);
        output.Should().Be(
            """
            services:
            - namespace: shop
              name: web
              managed: true
              reason: 1 of 2 nodes selected; IPv4 from InternalIPs
              ingress:
              - ip: 10.0.0.2
              warnings: []
              error: null
              nodes:
              - name: n1
                selected: false
                reason: does not match the node selector
              - name: n2
                selected: true
                reason: 'selected: advertises 10.0.0.2'

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task The_yaml_reads_back_as_the_json_even_where_strings_look_like_other_types()
    {
        // A Service named "true", an invalid selector (": " and quotes in the reasons), an empty and a null value.
        const string tricky =
            """
            - {apiVersion: v1, kind: Node, metadata: {name: "null", labels: {zone: a}}, status: {addresses: [{type: InternalIP, address: 10.0.0.1}]}}
            - {apiVersion: v1, kind: Service, metadata: {name: "true", namespace: shop, annotations: {io.cilium.nodeipam/match-node-labels: "zone in (a"}}, spec: {type: LoadBalancer, loadBalancerClass: io.cilium/node}}
            - {apiVersion: v1, kind: Service, metadata: {name: "yes", namespace: "1"}, spec: {type: LoadBalancer, loadBalancerClass: io.cilium/node}}
            """;
        var input = $"apiVersion: v1\nkind: List\nitems:\n{tricky}\n";
        var yaml = await CliRunner.RunWithInputAsync(input, "plan", "-f", "-", "-o", "yaml");
        var json = await CliRunner.RunWithInputAsync(input, "plan", "-f", "-", "-o", "json");

        yaml.ExitCode.Should().Be(0, yaml.Error);
        yaml.Out.Should().Contain("name: \"true\"").And.Contain("namespace: \"1\"");

        // Unquoted scalars typed as YAML 1.1 reads them (true is a boolean, 1 a number): the quoting must keep strings strings.
        var fromYaml = new YamlDotNet.Serialization.DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml.Out);
        var asJson = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(fromYaml));
        System.Text.Json.Nodes.JsonNode.DeepEquals(asJson, System.Text.Json.Nodes.JsonNode.Parse(json.Out)).Should().BeTrue($"YAML:\n{yaml.Out}\nread back as:\n{asJson}\nJSON:\n{json.Out}");
    }

    [Test]
    public async Task A_Service_that_is_not_in_the_input_is_an_error()
    {
        var (code, output, error) = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "--service", "shop/nope");
        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("error: no Service shop/nope in the input\n");
    }

    [TestCase(new[] { "plan", "-f", "-", "--service", "shop/web", "-n", "shop" }, "error: --service namespace/name already says which Service: leave out NAME, -n and -A (run \"plan --help\" for usage)\n")]
    [TestCase(new[] { "plan", "-f", "-", "-o", "xml" }, "error: unknown output format \"xml\" (table, json or yaml) (run \"plan --help\" for usage)\n")]
    [TestCase(new[] { "plan", "-f", "-", "--service", "web" }, "error: --service takes namespace/name, not \"web\" (run \"plan --help\" for usage)\n")]
    [TestCase(new[] { "plan", "-f", "-", "--watch" }, "error: unknown option --watch (run \"plan --help\" for usage)\n")]
    public async Task A_wrong_command_line_is_a_one_line_usage_error(string[] args, string message)
    {
        var (code, _, error) = await CliRunner.RunWithInputAsync(Cluster, args);
        code.Should().Be(2);
        error.Should().Be(message);
    }

    [Test]
    public async Task Offline_a_NAME_and_n_narrow_the_dump_as_kubectl_would()
    {
        var byName = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "svc/web", "-n", "shop");
        var byService = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "--service", "shop/web");
        var inDefault = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "web");
        var shopOnly = await CliRunner.RunWithInputAsync(Cluster, "plan", "-f", "-", "-n", "shop");

        byName.Out.Should().Be(byService.Out).And.StartWith("Service:   shop/web");
        inDefault.ExitCode.Should().Be(1, "without -n a NAME is looked up in the namespace default");
        inDefault.Error.Should().Be("error: no Service default/web in the input\n");
        shopOnly.Out.Should().Contain("shop/api").And.Contain("shop/web").And.NotContain("kube-system/dns");
    }

    [Test]
    public async Task Help_describes_the_options()
    {
        var (code, output, _) = await CliRunner.RunAsync("plan", "--help");
        code.Should().Be(0);
        output.Should().Contain("--manage-services-without-class").And.Contain("-o, --output").And.Contain("--service")
            .And.Contain("-n, --namespace").And.Contain("-A, --all-namespaces").And.Contain("--kubeconfig").And.Contain("--context").And.Contain("-f, --filename");
    }

    [TestCase("apiVersion: v1\nkind: List\nitems: [", "error: <stdin>: not valid YAML at line 4, column 1")]
    [TestCase("{\"apiVersion\": \"v1\",", "error: <stdin>: not valid JSON")]
    [TestCase("- just\n- a list\n", "error: <stdin>: line 1: expected a Kubernetes object (a mapping)")]
    [TestCase("name: x\n", "error: <stdin>: line 1: not a Kubernetes object (no apiVersion or kind)")]
    [TestCase("apiVersion: v1\nkind: Node\nmetadata: [1, 2]\n", "error: <stdin>: line 1: a Node that cannot be read")]
    [TestCase("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"spec\": 5}", "error: <stdin>: a Service that cannot be read")]
    public async Task Unreadable_input_is_a_one_line_error_without_a_stack_trace(string input, string start)
    {
        var (code, output, error) = await CliRunner.RunWithInputAsync(input, "plan", "-f", "-");
        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith(start);
        error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("   at ");
    }

    [Test]
    public async Task A_missing_file_is_a_one_line_error()
    {
        var (code, _, error) = await CliRunner.RunAsync("plan", "-f", "/no/such/cluster.yaml");
        code.Should().Be(1);
        error.Should().Be("error: /no/such/cluster.yaml: no such file or directory\n");
    }

    [Test]
    public async Task A_json_report_too_large_to_build_is_a_clear_error_and_the_table_still_works()
    {
        var nodes = Enumerable.Range(0, 1_001).Select(i => (object)new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = $"n{i}" },
            Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Type = "InternalIP", Address = $"10.0.{i / 250}.{i % 250}" }] },
        });
        var services = Enumerable.Range(0, 1_000).Select(i => (object)new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = $"s{i}", NamespaceProperty = "shop" },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", LoadBalancerClass = "io.cilium/node" },
        });
        var dump = KubernetesJson.Serialize(new { apiVersion = "v1", kind = "List", items = nodes.Concat(services).ToList() });

        var (code, output, error) = await CliRunner.RunWithInputAsync(dump, "plan", "-f", "-", "-o", "json");
        var table = await CliRunner.RunWithInputAsync(dump, "plan", "-f", "-");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("error: -o json would list every node for every Service (1000 × 1001 = 1,001,000 decisions, more than 1,000,000): use the table output, or --service namespace/name\n");
        table.ExitCode.Should().Be(0);
        table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1_001, "a header and one line per Service");
    }
}
