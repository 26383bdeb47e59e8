namespace OciOperator.Cel.Planning;

/// <summary>What a variable slot holds in an evaluation (see <see cref="EvalContext.ReadVariable"/>).</summary>
internal enum VariableKind : byte
{
    /// <summary>Not read yet in this evaluation.</summary>
    Unread,

    /// <summary>A JSON node (with its type), read in place.</summary>
    Json,

    /// <summary>A CEL value.</summary>
    Value,

    /// <summary>The activation does not bind the name.</summary>
    Absent,
}
