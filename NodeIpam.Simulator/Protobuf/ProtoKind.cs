namespace NodeIpam.Simulator.Protobuf;

/// <summary>How a protobuf field maps to JSON.</summary>
internal enum ProtoKind
{
    String,
    Int,
    Bool,
    Message,
    StringMap,
    BytesMap,
    IntOrString,
    Time,
}
