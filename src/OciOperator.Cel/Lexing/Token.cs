namespace OciOperator.Cel.Lexing;

/// <summary>A lexical token; <see cref="Value"/> holds decoded literal content (string, byte[], number).</summary>
public readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value = null);
