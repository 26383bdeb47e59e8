using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Cel.Extensions;

/// <summary>A deterministic byte stream: SHA-256(seed || counter) blocks. Same seed, same bytes, on every platform.</summary>
internal sealed class SeededStream
{
    private readonly byte[] _seed;
    private byte[] _block = [];
    private int _pos;
    private long _counter;

    public SeededStream(string seed) => _seed = Encoding.UTF8.GetBytes(seed);

    public byte NextByte()
    {
        if (_pos >= _block.Length)
        {
            var input = new byte[_seed.Length + 8];
            _seed.CopyTo(input, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(_seed.Length), _counter++);
            _block = SHA256.HashData(input);
            _pos = 0;
        }

        return _block[_pos++];
    }

    public ulong NextUInt64()
    {
        ulong v = 0;
        for (var i = 0; i < 8; i++)
        {
            v = (v << 8) | NextByte();
        }

        return v;
    }
}
