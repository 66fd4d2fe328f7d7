using System.Net;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>The subset of the API server's Service validation the operator and kubectl can run into.</summary>
internal static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
    private static readonly string[] Policies = ["SingleStack", "PreferDualStack", "RequireDualStack"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    public static IEnumerable<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        var type = Meta.String(spec, "type") ?? "ClusterIP";
        if (!Types.Contains(type))
        {
            yield return FieldError.Unsupported("spec.type", type, Types);
        }

        var ports = ServiceStrategy.Ports(spec).ToList();
        var headless = Meta.String(spec, "clusterIP") == "None";
        if (ports.Count == 0 && !headless && type != "ExternalName")
        {
            yield return FieldError.Required("spec.ports");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var number = port["port"] is JsonValue pv && pv.TryGetValue<int>(out var p) ? p : 0;
            if (number is < 1 or > 65535)
            {
                yield return FieldError.Invalid($"spec.ports[{i}].port", port["port"]?.ToJsonString() ?? "0", "must be between 1 and 65535, inclusive");
            }

            var protocol = Meta.String(port, "protocol") ?? "TCP";
            if (!Protocols.Contains(protocol))
            {
                yield return FieldError.Unsupported($"spec.ports[{i}].protocol", protocol, Protocols);
            }

            if (ports.Count > 1 && string.IsNullOrEmpty(Meta.String(port, "name")))
            {
                yield return FieldError.Required($"spec.ports[{i}].name");
            }

            if (!seen.Add($"{number}/{protocol}"))
            {
                yield return FieldError.Duplicate($"spec.ports[{i}]", $"{{{number} {protocol}}}");
            }
        }

        var policy = Meta.String(spec, "ipFamilyPolicy");
        if (policy is not null && !Policies.Contains(policy))
        {
            yield return FieldError.Unsupported("spec.ipFamilyPolicy", policy, Policies);
        }

        var families = ServiceStrategy.Strings(spec["ipFamilies"]);
        if (families.Count > 2 || (families.Count == 2 && families[0] == families[1]))
        {
            yield return FieldError.Duplicate("spec.ipFamilies[1]", families.LastOrDefault());
        }

        if (policy == "SingleStack" && families.Count > 1)
        {
            yield return FieldError.Invalid("spec.ipFamilies", string.Join(",", families), "when spec.ipFamilyPolicy is SingleStack, at most one IP family may be specified");
        }

        var etp = Meta.String(spec, "externalTrafficPolicy");
        if (etp is not null && !TrafficPolicies.Contains(etp))
        {
            yield return FieldError.Unsupported("spec.externalTrafficPolicy", etp, TrafficPolicies);
        }

        var oldIp = Meta.String(old?["spec"], "clusterIP");
        var newIp = Meta.String(spec, "clusterIP");
        if (!string.IsNullOrEmpty(oldIp) && !string.IsNullOrEmpty(newIp) && oldIp != newIp)
        {
            yield return new FieldError("spec.clusterIPs[0]", "FieldValueInvalid", $"Invalid value: []string{{\"{newIp}\"}}: may not change once set");
        }

        foreach (var e in ValidateClass(spec, old?["spec"] as JsonObject, type))
        {
            yield return e;
        }

        foreach (var e in ValidateStatus(obj, type))
        {
            yield return e;
        }
    }

    // The API server's rule: the class is chosen when a Service becomes (or is created as) a LoadBalancer and is
    // immutable while it stays one (nil to a value included); other types may not carry one.
    private static IEnumerable<FieldError> ValidateClass(JsonObject spec, JsonObject? oldSpec, string type)
    {
        var loadBalancerClass = Meta.String(spec, "loadBalancerClass");
        if (type != "LoadBalancer")
        {
            if (loadBalancerClass is not null)
            {
                yield return FieldError.Forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'");
            }

            yield break;
        }

        if (oldSpec is not null && (Meta.String(oldSpec, "type") ?? "ClusterIP") == "LoadBalancer"
            && Meta.String(oldSpec, "loadBalancerClass") != loadBalancerClass)
        {
            yield return FieldError.Invalid("spec.loadBalancerClass", loadBalancerClass ?? "null", "may not change once set");
        }
    }

    private static IEnumerable<FieldError> ValidateStatus(JsonObject obj, string type)
    {
        if (obj["status"]?["loadBalancer"]?["ingress"] is not JsonArray ingress || ingress.Count == 0)
        {
            yield break;
        }

        if (type != "LoadBalancer")
        {
            yield return FieldError.Forbidden("status.loadBalancer.ingress", "may only be used when `spec.type` is 'LoadBalancer'");
        }

        for (var i = 0; i < ingress.Count; i++)
        {
            var ip = Meta.String(ingress[i], "ip");
            if (ip is not null && !IPAddress.TryParse(ip, out _))
            {
                yield return FieldError.Invalid($"status.loadBalancer.ingress[{i}].ip", ip, "must be a valid IP address");
            }

            var mode = Meta.String(ingress[i], "ipMode");
            if (mode is not null && ip is null)
            {
                yield return FieldError.Forbidden($"status.loadBalancer.ingress[{i}].ipMode", "may not be specified when `ip` is not set");
            }
            else if (mode is not null and not ("VIP" or "Proxy"))
            {
                yield return FieldError.Unsupported($"status.loadBalancer.ingress[{i}].ipMode", mode, "VIP", "Proxy");
            }
        }
    }
}
