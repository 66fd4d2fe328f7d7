using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>Per-kind defaulting and validation, the simulator's version of the API server's REST strategies.</summary>
internal interface IKindStrategy
{
    /// <summary>Fills defaults on a new object (after common metadata was set).</summary>
    void PrepareForCreate(JsonObject obj);

    /// <summary>Fills defaults and carries allocated values over on an update of the main resource.</summary>
    void PrepareForUpdate(JsonObject next, JsonObject old);

    /// <summary>Defaults applied to a status write.</summary>
    void PrepareForStatusUpdate(JsonObject next, JsonObject old);

    /// <summary>Field errors; empty when valid. <paramref name="old"/> is null on create.</summary>
    IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old);

    /// <summary>Releases whatever the object held (allocated IPs, ports) after it is gone.</summary>
    void Released(JsonObject obj);
}
