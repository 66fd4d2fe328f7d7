namespace NodeIpam.Simulator.Protobuf;

/// <summary>Reads protobuf wire format: (field number, wire type, value) triples.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool More => _at < _data.Length;

    /// <summary>Reads the next field: its number, varint value (wire types 0, 1, 5) or bytes (wire type 2).</summary>
    public void Next(out int number, out ulong varint, out ReadOnlySpan<byte> bytes)
    {
        var key = ReadVarint();
        var wire = (int)(key & 7);
        number = (int)(key >> 3);
        bytes = default;
        varint = wire switch
        {
            0 => ReadVarint(),
            1 => BitConverter.ToUInt64(Take(8)),
            2 => 0,
            5 => BitConverter.ToUInt32(Take(4)),
            _ => throw new FormatException($"unsupported protobuf wire type {wire}"),
        };
        if (wire == 2)
        {
            bytes = Take(checked((int)ReadVarint()));
        }
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_at >= _data.Length)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = _data[_at++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _at + length > _data.Length)
        {
            throw new FormatException("truncated protobuf field");
        }

        var slice = _data.Slice(_at, length);
        _at += length;
        return slice;
    }
}
