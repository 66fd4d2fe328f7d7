using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>
/// Service defaulting as the API server does it for a dual-stack cluster with IPv4 primary: type, session
/// affinity, traffic policies, IP families and cluster IPs, node ports; and the type-change clean-ups (leaving
/// LoadBalancer clears <c>status.loadBalancer</c> and keeps <c>status.conditions</c>).
/// </summary>
internal sealed class ServiceStrategy : DefaultStrategy
{
    private readonly ServiceAllocator _allocator = new();

    public ServiceStrategy()
        : base(NameRule.Dns1035)
    {
    }

    public override void PrepareForCreate(JsonObject obj)
    {
        var spec = Spec(obj);
        Default(spec);
        obj["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public override void PrepareForUpdate(JsonObject next, JsonObject old)
    {
        var spec = Spec(next);
        var oldSpec = old["spec"] as JsonObject ?? [];
        var type = Meta.String(spec, "type") ?? "ClusterIP";
        var oldType = Meta.String(oldSpec, "type") ?? "ClusterIP";
        CarryAllocated(spec, oldSpec, type);
        if (type is not ("NodePort" or "LoadBalancer") && oldType is "NodePort" or "LoadBalancer")
        {
            spec.Remove("externalTrafficPolicy");
            spec.Remove("healthCheckNodePort");
            foreach (var port in Ports(spec))
            {
                port.Remove("nodePort");
            }
        }

        if (type != "LoadBalancer" && oldType == "LoadBalancer")
        {
            spec.Remove("allocateLoadBalancerNodePorts");

            // Dropped only when the write left it as it was; a class changed along with the type is refused by
            // validation ("may only be used when `type` is 'LoadBalancer'"), as the API server does.
            if (JsonNode.DeepEquals(spec["loadBalancerClass"], oldSpec["loadBalancerClass"]))
            {
                spec.Remove("loadBalancerClass");
            }
        }

        if (type != "LoadBalancer")
        {
            // As the API server: only status.loadBalancer is cleared; status.conditions (anyone's) stay.
            var status = next["status"] as JsonObject ?? [];
            status["loadBalancer"] = new JsonObject();
            next["status"] = status;
        }

        if (type == "ExternalName")
        {
            spec.Remove("clusterIP");
            spec.Remove("clusterIPs");
            spec.Remove("ipFamilies");
            spec.Remove("ipFamilyPolicy");
        }

        Default(spec);
    }

    public override void PrepareForStatusUpdate(JsonObject next, JsonObject old)
    {
        if (next["status"]?["loadBalancer"]?["ingress"] is JsonArray ingress)
        {
            foreach (var entry in ingress.OfType<JsonObject>())
            {
                if (entry["ip"] is not null && entry["ipMode"] is null)
                {
                    entry["ipMode"] = "VIP";
                }
            }
        }
    }

    public override IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>(base.Validate(obj, old));
        errors.AddRange(ServiceValidation.Validate(obj, old));
        return errors;
    }

    public override void Released(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        foreach (var ip in Strings(spec["clusterIPs"]))
        {
            _allocator.ReleaseIp(ip);
        }

        foreach (var port in Ports(spec))
        {
            if (port["nodePort"] is JsonValue v && v.TryGetValue<int>(out var p))
            {
                _allocator.ReleasePort(p);
            }
        }
    }

    internal static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList() : [];

    internal static IEnumerable<JsonObject> Ports(JsonObject spec) =>
        spec["ports"] is JsonArray a ? a.OfType<JsonObject>() : [];

    private static JsonObject Spec(JsonObject obj)
    {
        if (obj["spec"] is JsonObject spec)
        {
            return spec;
        }

        var created = new JsonObject();
        obj["spec"] = created;
        return created;
    }

    private static void CarryAllocated(JsonObject spec, JsonObject oldSpec, string type)
    {
        if (type != "ExternalName" && string.IsNullOrEmpty(Meta.String(spec, "clusterIP")) && spec["clusterIPs"] is null)
        {
            spec["clusterIP"] = oldSpec["clusterIP"]?.DeepClone();
            spec["clusterIPs"] = oldSpec["clusterIPs"]?.DeepClone();
        }

        spec["ipFamilies"] ??= spec["clusterIPs"] is null ? null : oldSpec["ipFamilies"]?.DeepClone();
        spec["ipFamilyPolicy"] ??= oldSpec["ipFamilyPolicy"]?.DeepClone();
        if (type is "NodePort" or "LoadBalancer")
        {
            var oldPorts = Ports(oldSpec).ToList();
            foreach (var port in Ports(spec).Where(p => p["nodePort"] is null))
            {
                var match = oldPorts.FirstOrDefault(o => o["port"]?.ToJsonString() == port["port"]?.ToJsonString()
                    && (Meta.String(o, "protocol") ?? "TCP") == (Meta.String(port, "protocol") ?? "TCP"));
                port["nodePort"] = match?["nodePort"]?.DeepClone();
            }

            spec["healthCheckNodePort"] ??= oldSpec["healthCheckNodePort"]?.DeepClone();
        }

        foreach (var key in spec.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            spec.Remove(key);
        }

        foreach (var port in Ports(spec).Where(p => p.ContainsKey("nodePort") && p["nodePort"] is null))
        {
            port.Remove("nodePort");
        }
    }

    private void Default(JsonObject spec)
    {
        var type = Meta.String(spec, "type") ?? "ClusterIP";
        spec["type"] = type;
        spec["sessionAffinity"] ??= "None";
        foreach (var port in Ports(spec))
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }

        if (type == "ExternalName")
        {
            return;
        }

        spec["internalTrafficPolicy"] ??= "Cluster";
        new ServiceIpDefaulter(_allocator).Default(spec);
        if (type is "NodePort" or "LoadBalancer")
        {
            spec["externalTrafficPolicy"] ??= "Cluster";
        }

        if (type == "LoadBalancer")
        {
            spec["allocateLoadBalancerNodePorts"] ??= true;
        }

        var wantsNodePorts = type == "NodePort" || (type == "LoadBalancer" && spec["allocateLoadBalancerNodePorts"]?.GetValue<bool>() != false);
        foreach (var port in Ports(spec))
        {
            if (port["nodePort"] is JsonValue v && v.TryGetValue<int>(out var chosen) && chosen != 0)
            {
                _allocator.ClaimPort(chosen);
            }
            else if (wantsNodePorts)
            {
                port["nodePort"] = _allocator.AllocatePort();
            }
        }

        if (type == "LoadBalancer" && Meta.String(spec, "externalTrafficPolicy") == "Local" && spec["healthCheckNodePort"] is null)
        {
            spec["healthCheckNodePort"] = _allocator.AllocatePort();
        }
    }
}
