using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>
/// IP family, family policy and cluster IP defaulting of a Service spec in a dual-stack (IPv4 primary) cluster.
/// </summary>
internal sealed class ServiceIpDefaulter(ServiceAllocator allocator)
{
    public void Default(JsonObject spec)
    {
        var clusterIPs = ServiceStrategy.Strings(spec["clusterIPs"]);
        var clusterIP = Meta.String(spec, "clusterIP");
        if (clusterIPs.Count == 0 && !string.IsNullOrEmpty(clusterIP))
        {
            clusterIPs.Add(clusterIP);
        }

        var headless = clusterIPs.Count > 0 && clusterIPs[0] == "None";
        var families = ServiceStrategy.Strings(spec["ipFamilies"]);
        if (families.Count == 0 && !headless)
        {
            families.AddRange(clusterIPs.Select(ServiceAllocator.FamilyOf).OfType<string>());
        }

        var policy = Meta.String(spec, "ipFamilyPolicy");
        if (policy is null)
        {
            var noSelector = spec["selector"] is not JsonObject { Count: > 0 };
            policy = families.Count > 1 || clusterIPs.Count > 1 || (headless && noSelector) ? "RequireDualStack" : "SingleStack";
        }

        if (families.Count == 0)
        {
            families.Add("IPv4");
        }

        if (policy is "PreferDualStack" or "RequireDualStack" && families.Count == 1)
        {
            families.Add(families[0] == "IPv4" ? "IPv6" : "IPv4");
        }

        if (!headless)
        {
            for (var i = 0; i < families.Count && (policy != "SingleStack" || i == 0); i++)
            {
                if (i < clusterIPs.Count)
                {
                    allocator.ClaimIp(clusterIPs[i]);
                }
                else
                {
                    clusterIPs.Add(allocator.AllocateIp(families[i]));
                }
            }
        }

        spec["clusterIP"] = headless ? "None" : clusterIPs[0];
        spec["clusterIPs"] = new JsonArray([.. clusterIPs.Select(ip => (JsonNode?)ip)]);
        spec["ipFamilies"] = new JsonArray([.. families.Select(f => (JsonNode?)f)]);
        spec["ipFamilyPolicy"] = policy;
    }
}
