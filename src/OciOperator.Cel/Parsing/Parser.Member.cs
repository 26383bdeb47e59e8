using System.Collections.Immutable;
using System.Globalization;
using OciOperator.Cel.Ast;
using OciOperator.Cel.Lexing;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Parsing;

/// <summary>Member access, calls, indexing and primary expressions.</summary>
public sealed partial class Parser
{
    private Expr ParseMember(bool negateLiteral = false)
    {
        var expr = ParsePrimary(negateLiteral);
        var depth = 0;
        try
        {
            while (true)
            {
                var t = Peek;
                if (t.Kind is TokenKind.Dot or TokenKind.DotQuestion)
                {
                    Advance();
                    Enter(t);
                    depth++;
                    var optional = t.Kind == TokenKind.DotQuestion;
                    var nameTok = Advance();
                    string name;
                    if (nameTok.Kind is TokenKind.Identifier or TokenKind.Reserved or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.In)
                    {
                        name = nameTok.Text;
                    }
                    else if (nameTok.Kind == TokenKind.QuotedIdentifier)
                    {
                        name = nameTok.Text;
                        if (Peek.Kind == TokenKind.LParen)
                        {
                            Fail(Peek, "mismatched input '(': quoted identifiers cannot be called");
                        }
                    }
                    else
                    {
                        throw Fail(nameTok, $"mismatched input '{nameTok.Text}' expecting IDENTIFIER");
                    }

                    if (optional)
                    {
                        if (!_options.EnableOptionalSyntax)
                        {
                            Fail(t, "unsupported syntax '.?'");
                        }

                        expr = new CallExpr(NextId(), t.Position, null, Operators.OptSelect, [expr, new ConstantExpr(NextId(), nameTok.Position, StringValue.Of(name))]);
                        continue;
                    }

                    if (Peek.Kind == TokenKind.LParen && nameTok.Kind != TokenKind.QuotedIdentifier)
                    {
                        var lp = Advance();
                        var args = ParseExprList(TokenKind.RParen);
                        Expect(TokenKind.RParen, "')'");
                        expr = MacroExpander.ExpandOrCall(this, lp.Position, expr, name, args, _options.EnableMacros);
                        continue;
                    }

                    expr = new SelectExpr(NextId(), t.Position, expr, name, false);
                    if (Peek.Kind == TokenKind.LBrace && QualifiedName(expr) is { } typeName)
                    {
                        expr = ParseStruct(nameTok, typeName, expr.Position);
                    }

                    continue;
                }

                if (t.Kind == TokenKind.LBracket)
                {
                    Advance();
                    Enter(t);
                    depth++;
                    var optional = false;
                    if (Peek.Kind == TokenKind.Question)
                    {
                        if (!_options.EnableOptionalSyntax)
                        {
                            Fail(Peek, "unsupported syntax '[?'");
                        }

                        Advance();
                        optional = true;
                    }

                    var index = ParseExpr();
                    Expect(TokenKind.RBracket, "']'");
                    expr = new CallExpr(NextId(), t.Position, null, optional ? Operators.OptIndex : Operators.Index, [expr, index]);
                    continue;
                }

                return expr;
            }
        }
        finally
        {
            _depth -= depth;
        }
    }

    private ImmutableArray<Expr> ParseExprList(TokenKind close)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        if (Peek.Kind == close)
        {
            return items.ToImmutable();
        }

        items.Add(ParseExprRecovering(close));
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExprRecovering(close));
        }

        return items.ToImmutable();
    }

    private Expr ParsePrimary(bool negate)
    {
        var t = Advance();
        switch (t.Kind)
        {
            case TokenKind.Int:
                return new ConstantExpr(NextId(), t.Position, ParseInt(t, negate));
            case TokenKind.Double:
                return new ConstantExpr(NextId(), t.Position, DoubleValue.Of(negate ? -(double)t.Value! : (double)t.Value!));
            case TokenKind.Uint:
                return new ConstantExpr(NextId(), t.Position, UintValue.Of((ulong)t.Value!));
            case TokenKind.String:
                return new ConstantExpr(NextId(), t.Position, StringValue.Of((string)t.Value!));
            case TokenKind.Bytes:
                return new ConstantExpr(NextId(), t.Position, new BytesValue((byte[])t.Value!));
            case TokenKind.True:
                return new ConstantExpr(NextId(), t.Position, BoolValue.True);
            case TokenKind.False:
                return new ConstantExpr(NextId(), t.Position, BoolValue.False);
            case TokenKind.Null:
                return new ConstantExpr(NextId(), t.Position, NullValue.Instance);
            case TokenKind.LParen:
            {
                var e = ParseExprRecovering(TokenKind.RParen);
                Expect(TokenKind.RParen, "')'");
                return e;
            }

            case TokenKind.LBracket:
                return ParseList(t);
            case TokenKind.LBrace:
                return ParseMap(t);
            case TokenKind.Dot:
            {
                var id = Advance();
                if (id.Kind != TokenKind.Identifier)
                {
                    throw Fail(id, $"mismatched input '{id.Text}' expecting IDENTIFIER");
                }

                return ParseIdentOrCall(id, "." + id.Text, t.Position);
            }

            case TokenKind.Identifier:
                return ParseIdentOrCall(t, t.Text, t.Position);
            case TokenKind.Reserved:
                throw Fail(t, $"reserved identifier: {t.Text}");
            case TokenKind.Eof:
                throw Fail(t, "unexpected end of input");
            default:
                throw Fail(t, $"extraneous input '{t.Text}'");
        }
    }

    private CelValue ParseInt(Token t, bool negate)
    {
        var text = t.Text;
        System.Numerics.BigInteger value;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            value = System.Numerics.BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else
        {
            value = System.Numerics.BigInteger.Parse(text, CultureInfo.InvariantCulture);
        }

        if (negate)
        {
            value = -value;
        }

        if (value < long.MinValue || value > long.MaxValue)
        {
            throw Fail(t, $"invalid int literal: {(negate ? "-" : string.Empty)}{text}");
        }

        return IntValue.Of((long)value);
    }

    private Expr ParseIdentOrCall(Token id, string name, int position)
    {
        if (Peek.Kind == TokenKind.LParen)
        {
            var lp = Advance();
            var args = ParseExprList(TokenKind.RParen);
            Expect(TokenKind.RParen, "')'");
            return MacroExpander.ExpandOrCall(this, lp.Position, null, name, args, _options.EnableMacros);
        }

        if (Peek.Kind == TokenKind.LBrace && IsStructStart())
        {
            return ParseStruct(id, name, position);
        }

        return new IdentExpr(NextId(), position, name);
    }
}
