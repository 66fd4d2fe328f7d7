using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>The strategy of each kind; kinds without special rules get <see cref="DefaultStrategy"/>.</summary>
internal sealed class StrategyTable
{
    private readonly Dictionary<string, IKindStrategy> _byKey;
    private readonly DefaultStrategy _subdomain = new();
    private readonly DefaultStrategy _pathSegment = new(NameRule.PathSegment);

    public StrategyTable() => _byKey = new(StringComparer.Ordinal)
    {
        ["/services"] = new ServiceStrategy(),
        ["/namespaces"] = new NamespaceStrategy(),
        ["events.k8s.io/events"] = new EventStrategy(),
    };

    public IKindStrategy For(ResourceType type) =>
        _byKey.GetValueOrDefault(type.ResourceKey)
        ?? (type.Group == "rbac.authorization.k8s.io" ? _pathSegment : _subdomain);
}
