using System.Globalization;
using System.Text;

namespace OciOperator.Cel.Lexing;

/// <summary>String and bytes literals: quotes, triple quotes, raw prefixes and escape sequences.</summary>
public sealed partial class Lexer
{
    private Token LexString(int start, bool raw, bool bytes)
    {
        var quote = _src[_pos];
        var triple = _pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var buf = new List<byte>();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _src.Length)
            {
                return Error(start, "unterminated string literal");
            }

            var c = _src[_pos];
            if (triple)
            {
                if (c == quote && _pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote)
                {
                    _pos += 3;
                    break;
                }
            }
            else
            {
                if (c == quote)
                {
                    _pos++;
                    break;
                }

                if (c is '\n' or '\r')
                {
                    return Error(start, "newline in string literal");
                }
            }

            if (c == '\\' && !raw)
            {
                var err = ReadEscape(sb, buf, bytes);
                if (err is not null)
                {
                    return Error(_pos, err);
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && _pos + 1 < _src.Length)
            {
                AppendText(sb, buf, bytes, _src.Substring(_pos, 2));
                _pos += 2;
                continue;
            }

            AppendText(sb, buf, bytes, c.ToString());
            _pos++;
        }

        var text = _src[start.._pos];
        return bytes ? new Token(TokenKind.Bytes, start, text, buf.ToArray()) : new Token(TokenKind.String, start, text, sb.ToString());
    }

    private static void AppendText(StringBuilder sb, List<byte> buf, bool bytes, string s)
    {
        if (bytes)
        {
            buf.AddRange(Encoding.UTF8.GetBytes(s));
        }
        else
        {
            sb.Append(s);
        }
    }

    private string? ReadEscape(StringBuilder sb, List<byte> buf, bool bytes)
    {
        _pos++; // the backslash
        if (_pos >= _src.Length)
        {
            return "invalid escape at end of literal";
        }

        var c = _src[_pos++];
        char? simple = c switch
        {
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            '`' => '`',
            '?' => '?',
            _ => null,
        };
        if (simple is { } ch)
        {
            AppendText(sb, buf, bytes, ch.ToString());
            return null;
        }

        switch (c)
        {
            case 'x' or 'X':
                return ReadCode(sb, buf, bytes, 2, 16, isByte: true);
            case 'u':
                return bytes ? "\\u escape is not allowed in bytes literals" : ReadCode(sb, buf, bytes, 4, 16, isByte: false);
            case 'U':
                return bytes ? "\\U escape is not allowed in bytes literals" : ReadCode(sb, buf, bytes, 8, 16, isByte: false);
            case >= '0' and <= '3':
                _pos--;
                return ReadCode(sb, buf, bytes, 3, 8, isByte: true);
            default:
                return $"invalid escape sequence '\\{c}'";
        }
    }

    private string? ReadCode(StringBuilder sb, List<byte> buf, bool bytes, int digits, int radix, bool isByte)
    {
        if (_pos + digits > _src.Length)
        {
            return "truncated escape sequence";
        }

        var s = _src.Substring(_pos, digits);
        int value;
        try
        {
            value = radix == 16
                ? int.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : Convert.ToInt32(s, 8);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return $"invalid escape sequence '{s}'";
        }

        if (radix == 16 && !s.All(char.IsAsciiHexDigit))
        {
            return $"invalid escape sequence '{s}'";
        }

        if (radix == 8 && !s.All(ch => ch is >= '0' and <= '7'))
        {
            return $"invalid octal escape '{s}'";
        }

        _pos += digits;
        if (isByte && bytes)
        {
            buf.Add((byte)value);
            return null;
        }

        if (value is >= 0xD800 and <= 0xDFFF || value > 0x10FFFF)
        {
            return $"invalid unicode code point in escape '{s}'";
        }

        sb.Append(char.ConvertFromUtf32(value));
        return null;
    }
}
