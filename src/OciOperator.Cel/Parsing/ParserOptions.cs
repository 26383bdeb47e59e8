namespace OciOperator.Cel.Parsing;

/// <summary>Parser limits and switches.</summary>
public sealed record ParserOptions
{
    /// <summary>Maximum syntactic nesting depth (parentheses, calls, operators).</summary>
    public int MaxDepth { get; init; } = 250;

    /// <summary>Maximum expression length in characters.</summary>
    public int MaxLength { get; init; } = 100_000;

    public bool EnableMacros { get; init; } = true;

    public bool EnableOptionalSyntax { get; init; } = true;
}
