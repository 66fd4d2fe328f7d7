using System.Globalization;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// The benchmark's cluster: the objects it seeded and changes, kept in step with the simulator, and the domain's plan
/// for every Service computed from them (the reference the operator's statuses are checked against).
/// </summary>
internal sealed class ClusterModel
{
    private const int EndpointsPerSlice = 100;
    private readonly SimulatorStore _store;
    private readonly NodeFacts[] _nodeFacts;
    private readonly Dictionary<string, ServiceFacts> _serviceFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<V1EndpointSlice>> _slices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EndpointSliceFacts>> _sliceFacts = new(StringComparer.Ordinal);

    private ClusterModel(SimulatorStore store, V1Node[] nodes)
    {
        _store = store;
        Nodes = nodes;
        _nodeFacts = [.. nodes.Select(NodeAdapter.From)];
    }

    /// <summary>The nodes as last written, by index.</summary>
    public V1Node[] Nodes { get; }

    /// <summary>Managed Service names.</summary>
    public List<string> Services { get; } = [];

    /// <summary>
    /// Names of the Services with a node selector: the only ones whose plan a node's labels can change (without a
    /// selector a Service selects every node whatever its labels), so a label change replans just these.
    /// </summary>
    public List<string> SelectorServices { get; } = [];

    /// <summary>Names of the Local Services.</summary>
    public List<string> LocalServices { get; } = [];

    /// <summary>Endpoints seeded in all slices.</summary>
    public int EndpointCount { get; private set; }

    /// <summary>Creates the cluster in the simulator: nodes, then Services (stored with defaults), then slices.</summary>
    public static ClusterModel Seed(SimulatorStore store, ScaleOptions options)
    {
        var now = DateTime.UtcNow;
        var nodes = new V1Node[options.Nodes];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = store.Create(ClusterObjects.Node(i, now));
        }

        var model = new ClusterModel(store, nodes);
        for (var i = 0; i < options.Services; i++)
        {
            model.AddService(i, options);
        }

        return model;
    }

    /// <summary>The domain's plan for every managed Service, from the model's current objects.</summary>
    public Dictionary<string, ServicePlan> PlanAll()
    {
        var plans = new Dictionary<string, ServicePlan>(Services.Count, StringComparer.Ordinal);
        foreach (var name in Services)
        {
            plans[name] = Plan(name);
        }

        return plans;
    }

    /// <summary>The domain's plan for one Service.</summary>
    public ServicePlan Plan(string service) =>
        ServicePlanner.Plan(_serviceFacts[service], _nodeFacts, _sliceFacts.GetValueOrDefault(service) ?? []);

    /// <summary>Writes node <paramref name="index"/> after <paramref name="change"/> mutated it (a full update, like kubectl edit).</summary>
    public void UpdateNode(int index, Action<V1Node> change) => ChangeNode(index, change)();

    /// <summary>
    /// Applies <paramref name="change"/> to node <paramref name="index"/> in the model (plans see it at once) and
    /// returns the write to the simulator, so that a caller can plan before it times the write.
    /// </summary>
    public Action ChangeNode(int index, Action<V1Node> change)
    {
        var node = Nodes[index];
        change(node);
        node.Metadata.ResourceVersion = null;
        _nodeFacts[index] = NodeAdapter.From(node);
        return () => Nodes[index] = _store.Upsert(node);
    }

    /// <summary>The slices of a Local Service as last written.</summary>
    public IReadOnlyList<V1EndpointSlice> Slices(string service) => _slices[service];

    /// <summary>Like <see cref="ChangeNode"/>, for slice <paramref name="index"/> of a Service.</summary>
    public Action ChangeSlice(string service, int index, Action<V1EndpointSlice> change)
    {
        var slices = _slices[service];
        var slice = slices[index];
        change(slice);
        slice.Metadata.ResourceVersion = null;
        _sliceFacts[service][index] = EndpointSliceAdapter.From(slice);
        return () => slices[index] = _store.Upsert(slice);
    }

    /// <summary>The index of the node named <paramref name="name"/>.</summary>
    public static int NodeIndex(string name) => int.Parse(name.AsSpan("node-".Length), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Deletes a Service (and its slices) from the simulator and the model.</summary>
    public void DeleteService(string name)
    {
        _store.Delete<V1Service>(name, ClusterObjects.Namespace);
        foreach (var slice in _slices.GetValueOrDefault(name) ?? [])
        {
            _store.Delete<V1EndpointSlice>(slice.Metadata.Name, ClusterObjects.Namespace);
        }

        Services.Remove(name);
        SelectorServices.Remove(name);
        LocalServices.Remove(name);
        _serviceFacts.Remove(name);
        _slices.Remove(name);
        _sliceFacts.Remove(name);
    }

    /// <summary>Creates Service number <paramref name="i"/> (its kind follows from i as when seeding); returns its name.</summary>
    public string AddService(int i, ScaleOptions options)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"svc-{i:D5}");
        var local = i % 2 == 1;
        var cluster = i / 2;
        string? selector = null;
        if (!local && cluster % 3 == 0)
        {
            selector = (cluster / 3 % 3) switch
            {
                0 => "topology.kubernetes.io/zone=" + ClusterObjects.Zone(cluster / 9 % 10),
                1 => ClusterObjects.IngressLabel + "=true",
                _ => "node.kubernetes.io/instance-type in (m5.xlarge, c5.2xlarge),topology.kubernetes.io/zone!=" + ClusterObjects.Zone(cluster % 10),
            };
        }

        var stored = _store.Create(ClusterObjects.Service(name, local, selector, dualStack: i % 10 == 0));
        _serviceFacts[name] = ServiceAdapter.Facts(stored, ManagementOptions.Default);
        Services.Add(name);
        if (selector is not null)
        {
            SelectorServices.Add(name);
        }

        if (!local)
        {
            return name;
        }

        LocalServices.Add(name);
        var count = (options.EndpointsPerService / 2) + (i * 7919 % options.EndpointsPerService);
        var start = i * 131 % Nodes.Length;
        var endpoints = Enumerable.Range(0, count)
            .Select(k => ClusterObjects.Endpoint(name, (i * 1024) + k, ClusterObjects.NodeName((start + (k * 7)) % Nodes.Length), ready: k % 20 != 19))
            .ToList();
        var slices = new List<V1EndpointSlice>();
        for (var s = 0; s * EndpointsPerSlice < endpoints.Count; s++)
        {
            slices.Add(_store.Create(ClusterObjects.Slice(name, s, endpoints.Skip(s * EndpointsPerSlice).Take(EndpointsPerSlice))));
        }

        EndpointCount += count;
        _slices[name] = slices;
        _sliceFacts[name] = [.. slices.Select(s => EndpointSliceAdapter.From(s))];
        return name;
    }
}
