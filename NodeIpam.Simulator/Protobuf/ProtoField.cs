namespace NodeIpam.Simulator.Protobuf;

/// <summary>One field of a message: its number, JSON name, kind, and whether it repeats.</summary>
internal sealed record ProtoField(int Number, string Json, ProtoKind Kind, bool Repeated = false, ProtoMessage? Message = null);
