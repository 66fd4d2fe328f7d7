using System.Diagnostics;
using System.Text;
using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Tests.Support;
using NodeIpam.Simulator;

namespace NodeIpam.Operator.Tests.Cli;

/// <summary>
/// <c>make install-plugin</c>, then the real kubectl running <c>kubectl nodeipam plan</c> against the simulator: the live
/// plan prints exactly what the offline plan prints for a dump of the same objects, reads only (LISTs), and fails in
/// one line with exit 1 on cluster errors.
/// </summary>
[NonParallelizable]
public sealed class KubectlPluginTests
{
    private const string Kubectl = "/usr/bin/kubectl";
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(5);

    private string work = null!;
    private string bin = null!;
    private string kubeconfig = null!;
    private string dump = null!;
    private KubeApiSimulator simulator = null!;

    [OneTimeSetUp]
    public async Task InstallThePluginAndSeedACluster()
    {
        File.Exists(Kubectl).Should().BeTrue("kubectl is preinstalled on the project's machines");
        work = Directory.CreateTempSubdirectory("nodeipam-plugin-").FullName;
        bin = Path.Combine(work, "bin");
        var install = await RunAsync("make", ["-s", "-C", Repository.Root, "install-plugin", $"BINDIR={bin}"], new Dictionary<string, string>());
        install.Code.Should().Be(0, install.Out + install.Error);
        install.Out.Should().Contain($"installed {bin}/kubectl-nodeipam");
        File.Exists(Path.Combine(bin, "kubectl-nodeipam")).Should().BeTrue();
        File.Exists(Path.Combine(work, "lib", "nodeipam", "NodeIpam.Operator.dll")).Should().BeTrue("the operator is published next to the launcher's bin");

        simulator = await KubeApiSimulator.StartAsync();
        Seed(simulator.Store);
        kubeconfig = Path.Combine(work, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);

        // The dump a user would take with kubectl, for the offline plan.
        var get = await KubectlAsync(["get", "nodes,services,endpointslices", "-A", "-o", "yaml"]);
        get.Code.Should().Be(0, get.Error);
        dump = Path.Combine(work, "dump.yaml");
        await File.WriteAllTextAsync(dump, get.Out);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    [TestCase(new[] { "svc/web", "-n", "shop" }, new[] { "--service", "shop/web" })]
    [TestCase(new[] { "api", "--namespace=shop", "-o", "yaml" }, new[] { "--service", "shop/api", "-o", "yaml" })]
    [TestCase(new[] { "-A", "-o", "json" }, new[] { "-o", "json" })]
    [TestCase(new[] { "-A" }, new string[0])]
    [TestCase(new[] { "-n", "shop", "--manage-services-without-class" }, new[] { "-n", "shop", "--manage-services-without-class" })]
    [TestCase(new string[0], new[] { "-n", "default" })]
    public async Task Prints_exactly_what_the_offline_plan_prints_for_the_same_objects(string[] live, string[] offline)
    {
        simulator.Requests.Reset();

        var plugin = await KubectlAsync(["nodeipam", "plan", .. live]);
        var fromDump = await CliRunner.RunAsync(["plan", "-f", dump, .. offline]);

        plugin.Code.Should().Be(0, plugin.Error);
        plugin.Error.Should().BeEmpty();
        fromDump.ExitCode.Should().Be(0, fromDump.Error);
        plugin.Out.Should().Be(fromDump.Out).And.NotBeEmpty();
        simulator.Requests.Count().Should().Be(simulator.Requests.Count(verb: "list"), "the plan only LISTs: no write, no watch, no get");
        simulator.Requests.Count(verb: "list", resource: "nodes").Should().BeGreaterThan(0);
    }

    [Test]
    public async Task Reads_the_kubeconfig_and_context_flags_after_the_plugin_name()
    {
        var other = Path.Combine(work, "other-kubeconfig");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(kubeconfig)).Replace("name: simulator\n  context:", "name: shop-context\n  context:", StringComparison.Ordinal)
            .Replace("namespace: default", "namespace: shop", StringComparison.Ordinal)
            .Replace("current-context: simulator", "current-context: nowhere", StringComparison.Ordinal));

        var plugin = await KubectlAsync(["nodeipam", "plan", "--kubeconfig", other, "--context", "shop-context"], kubeconfigVariable: Path.Combine(work, "missing"));
        var fromDump = await CliRunner.RunAsync("plan", "-f", dump, "-n", "shop");

        plugin.Code.Should().Be(0, plugin.Error);
        plugin.Out.Should().Be(fromDump.Out, "the context's namespace (shop) is the default namespace");
    }

    [Test]
    public async Task A_missing_Service_is_one_line_and_exit_1()
    {
        var plugin = await KubectlAsync(["nodeipam", "plan", "svc/nope", "-n", "shop"]);

        plugin.Code.Should().Be(1);
        plugin.Out.Should().BeEmpty();
        plugin.Error.Should().Be($"error: no Service shop/nope in the cluster at {simulator.BaseAddress.ToString().TrimEnd('/')}\n");
    }

    [Test]
    public async Task An_unreachable_cluster_is_one_line_and_exit_1()
    {
        var unreachable = Path.Combine(work, "unreachable");
        await File.WriteAllTextAsync(unreachable, (await File.ReadAllTextAsync(kubeconfig)).Replace(simulator.BaseAddress.ToString().TrimEnd('/'), "http://127.0.0.1:1", StringComparison.Ordinal));

        var plugin = await KubectlAsync(["nodeipam", "plan", "-A"], kubeconfigVariable: unreachable);

        plugin.Code.Should().Be(1);
        plugin.Error.Should().StartWith("error: cannot reach the cluster: ");
        plugin.Error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Test]
    public async Task A_forbidden_LIST_is_one_line_and_exit_1()
    {
        simulator.Rbac.AddUserToken("nobody-token", "nobody");
        var forbidden = Path.Combine(work, "forbidden");
        await File.WriteAllTextAsync(forbidden, (await File.ReadAllTextAsync(kubeconfig)).Replace($"token: {SimulatorRbac.AdminToken}", "token: nobody-token", StringComparison.Ordinal));
        simulator.Rbac.Enforce = true;
        try
        {
            var plugin = await KubectlAsync(["nodeipam", "plan", "-n", "shop"], kubeconfigVariable: forbidden);

            plugin.Code.Should().Be(1);
            plugin.Error.Should().Be("error: cannot list nodes: forbidden (the kubeconfig's user lacks RBAC permission to list nodes)\n");
        }
        finally
        {
            simulator.Rbac.Enforce = false;
        }
    }

    [TestCase(new[] { "-n", "shop", "-A" }, "-n and -A exclude each other")]
    [TestCase(new[] { "web", "-A" }, "a Service NAME is looked up in one namespace: use -n NS instead of -A")]
    [TestCase(new[] { "deploy/web" }, "NAME is a Service name or svc/NAME, not \"deploy/web\"")]
    [TestCase(new[] { "-f", "x.yaml", "--context", "c" }, "-f reads files, --kubeconfig and --context a cluster: use one or the other")]
    [TestCase(new[] { "--watch" }, "unknown option --watch")]
    public async Task A_wrong_command_line_is_one_line_and_exit_2(string[] args, string message)
    {
        var plugin = await KubectlAsync(["nodeipam", "plan", .. args]);

        plugin.Code.Should().Be(2);
        plugin.Error.Should().Be($"error: {message} (run \"plan --help\" for usage)\n");
    }

    private static void Seed(SimulatorStore store)
    {
        store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } });
        store.Create(Node("n1", "10.0.0.1", "203.0.113.1", ("zone", "a")));
        store.Create(Node("n2", "10.0.0.2", null, ("zone", "b")));
        store.Create(Node("n3", "10.0.0.3", "203.0.113.3", ("zone", "b"), ("node.kubernetes.io/exclude-from-external-load-balancers", "")));
        store.Create(Service("shop", "web", "Cluster", WellKnown.LoadBalancerClass, ("io.cilium.nodeipam/match-node-labels", "zone=b")));
        store.Create(Service("shop", "api", "Local", WellKnown.LoadBalancerClass));
        store.Create(Service("shop", "legacy", "Cluster", null));
        store.Create(Service("default", "edge", "Cluster", WellKnown.LoadBalancerClass));
        store.Create(new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta { Name = "api-1", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "api" } },
            AddressType = "IPv4",
            Endpoints = [new V1Endpoint { Addresses = ["10.1.0.5"], NodeName = "n2", Conditions = new V1EndpointConditions { Ready = true } }],
        });
    }

    private static V1Node Node(string name, string internalIp, string? externalIp, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
        Status = new V1NodeStatus
        {
            Addresses =
            [
                new V1NodeAddress { Type = "InternalIP", Address = internalIp },
                .. externalIp is null ? (V1NodeAddress[])[] : [new V1NodeAddress { Type = "ExternalIP", Address = externalIp }],
            ],
        },
    };

    private static V1Service Service(string ns, string name, string policy, string? loadBalancerClass, params (string Key, string Value)[] annotations) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = annotations.Length == 0 ? null : annotations.ToDictionary(a => a.Key, a => a.Value) },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            LoadBalancerClass = loadBalancerClass,
            ExternalTrafficPolicy = policy,
            Ports = [new V1ServicePort { Port = 80, Protocol = "TCP" }],
            Selector = new Dictionary<string, string> { ["app"] = name },
        },
    };

    private Task<(int Code, string Out, string Error)> KubectlAsync(string[] args, string? kubeconfigVariable = null) =>
        RunAsync(Kubectl, args, new Dictionary<string, string>
        {
            ["KUBECONFIG"] = kubeconfigVariable ?? kubeconfig,
            ["PATH"] = $"{bin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["HOME"] = work,
        });

    private static async Task<(int Code, string Out, string Error)> RunAsync(string file, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        using var hang = new CancellationTokenSource(HangBound);
        var stdout = process.StandardOutput.ReadToEndAsync(hang.Token);
        var stderr = process.StandardError.ReadToEndAsync(hang.Token);
        await process.WaitForExitAsync(hang.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
