using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Storage;

/// <summary>What a write callback decided, given the current object: store a new state, delete, or nothing.</summary>
internal sealed record WriteDecision(WriteAction Action, JsonObject? Next = null)
{
    public static WriteDecision Put(JsonObject next) => new(WriteAction.Put, next);

    public static WriteDecision Delete { get; } = new(WriteAction.Delete);

    public static WriteDecision Nothing { get; } = new(WriteAction.Nothing);
}
