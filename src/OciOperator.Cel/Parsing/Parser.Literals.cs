using System.Collections.Immutable;
using OciOperator.Cel.Ast;
using OciOperator.Cel.Lexing;

namespace OciOperator.Cel.Parsing;

/// <summary>List, map and message-construction literals.</summary>
public sealed partial class Parser
{
    private static string? QualifiedName(Expr e) => e switch
    {
        IdentExpr id => id.Name,
        SelectExpr { TestOnly: false } s when QualifiedName(s.Operand) is { } prefix => prefix + "." + s.Field,
        _ => null,
    };

    private static bool IsStructStart() => true;

    private ListExpr ParseList(Token open)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        var optional = ImmutableArray.CreateBuilder<int>();
        while (Peek.Kind != TokenKind.RBracket)
        {
            if (Peek.Kind == TokenKind.Question && _options.EnableOptionalSyntax)
            {
                Advance();
                optional.Add(items.Count);
            }

            items.Add(ParseExprRecovering(TokenKind.RBracket));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBracket, "']'");
        return new ListExpr(NextId(), open.Position, items.ToImmutable(), optional.ToImmutable());
    }

    private MapExpr ParseMap(Token open)
    {
        var id = NextId();
        var entries = ImmutableArray.CreateBuilder<MapEntry>();
        while (Peek.Kind != TokenKind.RBrace)
        {
            var optional = false;
            if (Peek.Kind == TokenKind.Question && _options.EnableOptionalSyntax)
            {
                Advance();
                optional = true;
            }

            entries.Add(ParseRecovering(
                () =>
                {
                    var key = ParseExpr();
                    Expect(TokenKind.Colon, "':'");
                    return new MapEntry(NextId(), key, ParseExpr(), optional);
                },
                TokenKind.RBrace,
                at => new MapEntry(NextId(), new ConstantExpr(NextId(), at, Values.NullValue.Instance), new ConstantExpr(NextId(), at, Values.NullValue.Instance), optional)));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace, "'}'");
        return new MapExpr(id, open.Position, entries.ToImmutable());
    }

    private StructExpr ParseStruct(Token at, string typeName, int position)
    {
        Expect(TokenKind.LBrace, "'{'");
        var id = NextId();
        var fields = ImmutableArray.CreateBuilder<StructField>();
        while (Peek.Kind != TokenKind.RBrace)
        {
            var optional = false;
            if (Peek.Kind == TokenKind.Question && _options.EnableOptionalSyntax)
            {
                Advance();
                optional = true;
            }

            fields.Add(ParseRecovering(
                () =>
                {
                    var name = Advance();
                    if (name.Kind is not (TokenKind.Identifier or TokenKind.QuotedIdentifier))
                    {
                        throw Fail(name, $"mismatched input '{name.Text}' expecting IDENTIFIER");
                    }

                    Expect(TokenKind.Colon, "':'");
                    return new StructField(NextId(), name.Text, ParseExpr(), optional);
                },
                TokenKind.RBrace,
                at => new StructField(NextId(), "", new ConstantExpr(NextId(), at, Values.NullValue.Instance), optional)));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace, "'}'");
        _ = at;
        return new StructExpr(id, position, typeName, fields.ToImmutable());
    }
}
