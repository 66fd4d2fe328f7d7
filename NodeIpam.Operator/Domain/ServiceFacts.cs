using System.Globalization;
using NodeIpam.Operator.Domain.Addresses;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// What the planner reads of a Service (its status aside), and so the definition of what the operator caches of its
/// spec and annotations: identity, whether it is ours and why not, policy, families, the selector (parsed once per
/// change) and our other annotations. Built by the shell's adapter (<c>Caching.ServiceAdapter</c>). Immutable and
/// value-equal (the parsed selector follows from its text, so the text is what is compared).
/// </summary>
internal sealed record ServiceFacts
{
    private ServiceFacts(string ns, string name)
    {
        Namespace = ns;
        Name = name;
    }

    /// <summary>The namespace.</summary>
    public string Namespace { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Whether the operator owns this Service's load-balancer status.</summary>
    public bool IsManaged { get; private init; }

    /// <summary>Why the Service is not ours; null when <see cref="IsManaged"/>.</summary>
    public string? UnmanagedReason { get; private init; }

    /// <summary><c>externalTrafficPolicy: Local</c>: only nodes with endpoints are candidates.</summary>
    public bool IsLocal { get; private init; }

    /// <summary>The families to advertise, in order: <c>spec.ipFamilies</c>, else the families of <c>spec.clusterIPs</c>, else IPv4.</summary>
    public IReadOnlyList<IpFamily> Families { get; private init; } = [];

    /// <summary>The selector annotation's text; null when the annotation is absent.</summary>
    public string? SelectorText { get; private init; }

    /// <summary>The parsed selector annotation (an absent or blank annotation selects every node).</summary>
    public LabelSelectorParseResult Selector { get; private init; } = LabelSelectorParseResult.Valid(LabelSelector.Everything);

    /// <summary>metadata.uid: with a node's name, the key of the stable ranking behind the address cap; empty when absent.</summary>
    public string Uid { get; private init; } = string.Empty;

    /// <summary>The <see cref="WellKnown.ExcludeNotReadyNodesAnnotation"/> override; null when absent or invalid (then the operator's default applies).</summary>
    public bool? ExcludeNotReadyNodes { get; private init; }

    /// <summary>The <see cref="WellKnown.MaxAddressesPerFamilyAnnotation"/> cap (at least 1); null when absent or invalid.</summary>
    public int? MaxAddressesPerFamily { get; private init; }

    /// <summary>Annotations of ours with a value we cannot use: name and value, in <see cref="WellKnown.ServiceAnnotations"/> order.</summary>
    public IReadOnlyList<(string Annotation, string Value)> InvalidAnnotations { get; private init; } = [];

    /// <summary>
    /// Builds the facts from what a Service says: its identity, whether it is being deleted, <c>spec.type</c>,
    /// <c>spec.loadBalancerClass</c>, <c>spec.externalTrafficPolicy</c>, <c>spec.ipFamilies</c>, <c>spec.clusterIP(s)</c>
    /// and its annotations (only <see cref="WellKnown.ServiceAnnotations"/> are read). Never throws on odd content.
    /// </summary>
    public static ServiceFacts Create(ServiceSource source, ManagementOptions options)
    {
        string? selectorText = null;
        _ = source.Annotations?.TryGetValue(WellKnown.MatchNodeLabelsAnnotation, out selectorText);
        var unmanagedReason = UnmanagedBecause(source, options);
        var invalid = new List<(string, string)>();
        var exclude = Annotation(source.Annotations, WellKnown.ExcludeNotReadyNodesAnnotation, text => text switch
        {
            "true" => true,
            "false" => false,
            _ => (bool?)null,
        }, invalid);
        var max = Annotation(source.Annotations, WellKnown.MaxAddressesPerFamilyAnnotation, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : (int?)null, invalid);
        return new ServiceFacts(source.Namespace, source.Name)
        {
            Uid = source.Uid ?? string.Empty,
            ExcludeNotReadyNodes = exclude,
            MaxAddressesPerFamily = max,
            InvalidAnnotations = invalid.Count == 0 ? Array.Empty<(string, string)>() : invalid,
            UnmanagedReason = unmanagedReason,
            IsManaged = unmanagedReason is null,
            IsLocal = source.ExternalTrafficPolicy == WellKnown.LocalTrafficPolicy,
            Families = FamiliesOf(source),
            SelectorText = selectorText,
            Selector = LabelSelector.Parse(selectorText),
        };
    }

    /// <summary>Equal when everything the planner reads is equal (the selector by its text).</summary>
    public bool Equals(ServiceFacts? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Namespace == other.Namespace
                && Name == other.Name
                && Uid == other.Uid
                && IsManaged == other.IsManaged
                && UnmanagedReason == other.UnmanagedReason
                && IsLocal == other.IsLocal
                && SelectorText == other.SelectorText
                && ExcludeNotReadyNodes == other.ExcludeNotReadyNodes
                && MaxAddressesPerFamily == other.MaxAddressesPerFamily
                && Families.SequenceEqual(other.Families)
                && InvalidAnnotations.SequenceEqual(other.InvalidAnnotations)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Namespace, Name, Uid, IsManaged, SelectorText);

    // The parsed value of an annotation; null when absent, and then also when invalid, which is recorded.
    private static T? Annotation<T>(IReadOnlyDictionary<string, string>? annotations, string name, Func<string, T?> parse, List<(string, string)> invalid)
        where T : struct
    {
        if (annotations?.TryGetValue(name, out var text) != true || text is null)
        {
            return null;
        }

        var parsed = parse(text);
        if (parsed is null)
        {
            invalid.Add((name, text));
        }

        return parsed;
    }

    private static string? UnmanagedBecause(ServiceSource service, ManagementOptions options)
    {
        var type = service.Type ?? "ClusterIP";
        if (type != WellKnown.LoadBalancerType)
        {
            return $"type is {type}, not LoadBalancer";
        }

        if (service.BeingDeleted)
        {
            return "being deleted";
        }

        var loadBalancerClass = service.LoadBalancerClass;
        if (string.IsNullOrEmpty(loadBalancerClass))
        {
            return options.ManageServicesWithoutClass
                ? null
                : $"no loadBalancerClass (set it to {WellKnown.LoadBalancerClass}, or manage Services without a class)";
        }

        return loadBalancerClass == WellKnown.LoadBalancerClass ? null : $"loadBalancerClass is {loadBalancerClass}";
    }

    private static readonly IpFamily[] V4 = [IpFamily.IPv4];
    private static readonly IpFamily[] V6 = [IpFamily.IPv6];
    private static readonly IpFamily[] V4V6 = [IpFamily.IPv4, IpFamily.IPv6];
    private static readonly IpFamily[] V6V4 = [IpFamily.IPv6, IpFamily.IPv4];

    private static IpFamily[] FamiliesOf(ServiceSource spec)
    {
        var families = new List<IpFamily>(2);
        foreach (var family in spec.IpFamilies ?? [])
        {
            IpFamily? parsed = family switch { "IPv4" => IpFamily.IPv4, "IPv6" => IpFamily.IPv6, _ => null };
            if (parsed is { } known && !families.Contains(known))
            {
                families.Add(known);
            }
        }

        if (families.Count == 0)
        {
            // Older objects and hand-written input may lack ipFamilies; the cluster IPs say which families the Service has.
            var clusterIps = spec.ClusterIps is { Count: > 0 } ips ? ips : spec.ClusterIp is { } ip ? [ip] : [];
            foreach (var text in clusterIps)
            {
                if (CanonicalIp.TryParse(text, out var parsed, out _) && !families.Contains(parsed.Family))
                {
                    families.Add(parsed.Family);
                }
            }
        }

        // One array per combination, shared by every Service that has it (records never change them).
        return families switch
        {
            [] or [IpFamily.IPv4] => V4,
            [IpFamily.IPv6] => V6,
            [IpFamily.IPv4, IpFamily.IPv6] => V4V6,
            [IpFamily.IPv6, IpFamily.IPv4] => V6V4,
            _ => [.. families],
        };
    }
}
