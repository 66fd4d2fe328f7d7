namespace NodeIpam.Simulator.Protobuf;

/// <summary>A message descriptor: its fields by number.</summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<int, ProtoField> _fields = [];

    public ProtoField? Field(int number) => _fields.GetValueOrDefault(number);

    public ProtoMessage Add(int number, string json, ProtoKind kind, bool repeated = false, ProtoMessage? message = null)
    {
        _fields[number] = new ProtoField(number, json, kind, repeated, message);
        return this;
    }
}
