using System.Globalization;

namespace OciOperator.Cel.Lexing;

/// <summary>Turns CEL source text into tokens. Errors become <see cref="TokenKind.Error"/> tokens.</summary>
public sealed partial class Lexer
{
    private static readonly HashSet<string> ReservedWords =
    [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ];

    private readonly string _src;
    private int _pos;

    public Lexer(string source) => _src = source;

    public static List<Token> Tokenize(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        while (true)
        {
            var t = lexer.Next();
            tokens.Add(t);
            if (t.Kind is TokenKind.Eof or TokenKind.Error)
            {
                if (t.Kind == TokenKind.Error)
                {
                    tokens.Add(new Token(TokenKind.Eof, source.Length, string.Empty));
                }

                return tokens;
            }
        }
    }

    public Token Next()
    {
        SkipWhitespaceAndComments();
        if (_pos >= _src.Length)
        {
            return new Token(TokenKind.Eof, _pos, string.Empty);
        }

        var start = _pos;
        var c = _src[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _src.Length && char.IsAsciiDigit(_src[_pos + 1])))
        {
            return LexNumber();
        }

        if (c == '_' || char.IsAsciiLetter(c))
        {
            // String prefixes: r, b, rb, br (any case).
            var p = _pos;
            var raw = false;
            var bytes = false;
            while (p < _src.Length && p - _pos < 2 && (_src[p] is 'r' or 'R' or 'b' or 'B'))
            {
                if (_src[p] is 'r' or 'R')
                {
                    if (raw)
                    {
                        break;
                    }

                    raw = true;
                }
                else
                {
                    if (bytes)
                    {
                        break;
                    }

                    bytes = true;
                }

                p++;
            }

            if (p > _pos && p < _src.Length && _src[p] is '"' or '\'')
            {
                _pos = p;
                return LexString(start, raw, bytes);
            }

            while (_pos < _src.Length && (_src[_pos] == '_' || char.IsAsciiLetterOrDigit(_src[_pos])))
            {
                _pos++;
            }

            var word = _src[start.._pos];
            return word switch
            {
                "true" => new Token(TokenKind.True, start, word),
                "false" => new Token(TokenKind.False, start, word),
                "null" => new Token(TokenKind.Null, start, word),
                "in" => new Token(TokenKind.In, start, word),
                _ when ReservedWords.Contains(word) => new Token(TokenKind.Reserved, start, word),
                _ => new Token(TokenKind.Identifier, start, word),
            };
        }

        if (c is '"' or '\'')
        {
            return LexString(start, false, false);
        }

        if (c == '`')
        {
            var end = _src.IndexOf('`', _pos + 1);
            if (end < 0)
            {
                return Error(start, "unterminated quoted identifier");
            }

            var name = _src[(_pos + 1)..end];
            _pos = end + 1;
            if (name.Length == 0 || !name.All(ch => ch is '_' or '.' or '-' or '/' or ' ' || char.IsAsciiLetterOrDigit(ch)))
            {
                return Error(start, $"invalid quoted identifier '{name}'");
            }

            return new Token(TokenKind.QuotedIdentifier, start, name);
        }

        _pos++;
        var next = _pos < _src.Length ? _src[_pos] : '\0';
        switch (c)
        {
            case '?': return new Token(TokenKind.Question, start, "?");
            case ':': return new Token(TokenKind.Colon, start, ":");
            case ',': return new Token(TokenKind.Comma, start, ",");
            case '(': return new Token(TokenKind.LParen, start, "(");
            case ')': return new Token(TokenKind.RParen, start, ")");
            case '[': return new Token(TokenKind.LBracket, start, "[");
            case ']': return new Token(TokenKind.RBracket, start, "]");
            case '{': return new Token(TokenKind.LBrace, start, "{");
            case '}': return new Token(TokenKind.RBrace, start, "}");
            case '+': return new Token(TokenKind.Plus, start, "+");
            case '-': return new Token(TokenKind.Minus, start, "-");
            case '*': return new Token(TokenKind.Star, start, "*");
            case '/': return new Token(TokenKind.Slash, start, "/");
            case '%': return new Token(TokenKind.Percent, start, "%");
            case '.':
                if (next == '?')
                {
                    _pos++;
                    return new Token(TokenKind.DotQuestion, start, ".?");
                }

                return new Token(TokenKind.Dot, start, ".");
            case '|' when next == '|': _pos++; return new Token(TokenKind.OrOr, start, "||");
            case '&' when next == '&': _pos++; return new Token(TokenKind.AndAnd, start, "&&");
            case '=' when next == '=': _pos++; return new Token(TokenKind.EqEq, start, "==");
            case '!' when next == '=': _pos++; return new Token(TokenKind.NotEq, start, "!=");
            case '!': return new Token(TokenKind.Bang, start, "!");
            case '<' when next == '=': _pos++; return new Token(TokenKind.LessEq, start, "<=");
            case '<': return new Token(TokenKind.Less, start, "<");
            case '>' when next == '=': _pos++; return new Token(TokenKind.GreaterEq, start, ">=");
            case '>': return new Token(TokenKind.Greater, start, ">");
            default:
                return Error(start, $"token recognition error at: '{c}'");
        }
    }

    private Token Error(int pos, string message) => new(TokenKind.Error, pos, message);

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _src.Length && _src[_pos + 1] == '/')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token LexNumber()
    {
        var start = _pos;
        if (_src[_pos] == '0' && _pos + 1 < _src.Length && _src[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var hs = _pos;
            while (_pos < _src.Length && char.IsAsciiHexDigit(_src[_pos]))
            {
                _pos++;
            }

            var hex = _src[hs.._pos];
            if (hex.Length == 0)
            {
                return Error(start, "invalid hex literal");
            }

            if (_pos < _src.Length && _src[_pos] is 'u' or 'U')
            {
                _pos++;
                return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hu)
                    ? new Token(TokenKind.Uint, start, _src[start.._pos], hu)
                    : Error(start, "uint literal out of range");
            }

            return new Token(TokenKind.Int, start, _src[start.._pos], hex);
        }

        while (_pos < _src.Length && char.IsAsciiDigit(_src[_pos]))
        {
            _pos++;
        }

        var isDouble = false;
        if (_pos + 1 < _src.Length && _src[_pos] == '.' && char.IsAsciiDigit(_src[_pos + 1]))
        {
            isDouble = true;
            _pos++;
            while (_pos < _src.Length && char.IsAsciiDigit(_src[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _src.Length && _src[_pos] is 'e' or 'E')
        {
            var p = _pos + 1;
            if (p < _src.Length && _src[p] is '+' or '-')
            {
                p++;
            }

            if (p < _src.Length && char.IsAsciiDigit(_src[p]))
            {
                isDouble = true;
                _pos = p;
                while (_pos < _src.Length && char.IsAsciiDigit(_src[_pos]))
                {
                    _pos++;
                }
            }
        }

        var text = _src[start.._pos];
        if (isDouble)
        {
            return new Token(TokenKind.Double, start, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (_pos < _src.Length && _src[_pos] is 'u' or 'U')
        {
            _pos++;
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new Token(TokenKind.Uint, start, _src[start.._pos], u)
                : Error(start, "uint literal out of range");
        }

        // Int literals keep their text: the parser applies a preceding '-' before range checking.
        return new Token(TokenKind.Int, start, text, null);
    }
}
