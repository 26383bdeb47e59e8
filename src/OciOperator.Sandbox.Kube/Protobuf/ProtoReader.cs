namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>A bounds-checked reader of the protobuf wire format (varint, 64-bit, length-delimited, 32-bit).</summary>
internal sealed class ProtoReader(byte[] data)
{
    private int _position;

    public bool Next(out int number, out int wire)
    {
        if (_position >= data.Length)
        {
            number = 0;
            wire = 0;
            return false;
        }

        var key = Varint();
        number = (int)(key >> 3);
        wire = (int)(key & 7);
        if (number <= 0)
        {
            throw new FormatException("invalid protobuf field number");
        }

        return true;
    }

    public ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= data.Length)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }

    public byte[] Bytes()
    {
        var length = Varint();
        if (length > (ulong)(data.Length - _position))
        {
            throw new FormatException("truncated protobuf field");
        }

        var result = data.AsSpan(_position, (int)length).ToArray();
        _position += (int)length;
        return result;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0:
                Varint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                Bytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new FormatException("unsupported protobuf wire type");
        }
    }

    private void Advance(int count)
    {
        if (count > data.Length - _position)
        {
            throw new FormatException("truncated protobuf field");
        }

        _position += count;
    }
}
