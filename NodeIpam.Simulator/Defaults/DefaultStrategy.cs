using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>The strategy of kinds with no special rules: only metadata validation.</summary>
internal class DefaultStrategy : IKindStrategy
{
    public DefaultStrategy(NameRule nameRule = NameRule.Subdomain) => NameRule = nameRule;

    protected NameRule NameRule { get; }

    public virtual void PrepareForCreate(JsonObject obj)
    {
    }

    public virtual void PrepareForUpdate(JsonObject next, JsonObject old)
    {
    }

    public virtual void PrepareForStatusUpdate(JsonObject next, JsonObject old)
    {
    }

    public virtual IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) =>
        MetadataValidation.Validate(obj, NameRule);

    public virtual void Released(JsonObject obj)
    {
    }
}
