using System.Text.Json.Nodes;
using OciOperator.Cel.Ast;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>An expression found while building, before it is checked: where it is, its CEL text and the field it writes.</summary>
internal sealed class DraftExpression
{
    public required ExpressionPlace Place { get; init; }

    /// <summary>The text as written in the RGD (the whole string for templates).</summary>
    public required string Display { get; init; }

    /// <summary>The CEL program text (the concatenation for string templates).</summary>
    public required string Cel { get; init; }

    public FieldPath Path { get; init; } = FieldPath.Root;

    public bool Standalone { get; init; } = true;

    /// <summary>The schema of the field written; null with <see cref="Schemaless"/> when anything goes.</summary>
    public JsonObject? Expected { get; init; }

    public bool Schemaless { get; init; } = true;

    /// <summary>The forEach iterator this expression produces (forEach place only).</summary>
    public string? Dimension { get; init; }

    public Expr? Ast { get; set; }

    public IReadOnlyList<string> Identifiers { get; set; } = [];

    /// <summary>Resource ids read.</summary>
    public List<string> References { get; } = [];

    /// <summary>Set when an error was reported for this expression; later stages skip it.</summary>
    public bool Broken { get; set; }

    public CompiledExpression? Compiled { get; set; }
}
