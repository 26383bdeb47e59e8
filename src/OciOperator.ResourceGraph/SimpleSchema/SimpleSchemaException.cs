namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// A SimpleSchema (or RGD schema) that cannot be turned into OpenAPI. <see cref="Reason"/> is kro's own message
/// (e.g. <c>unknown type: Foo</c>); <see cref="Path"/> says where, when known (e.g. <c>spec.ports</c>).
/// </summary>
public sealed class SimpleSchemaException : Exception
{
    public SimpleSchemaException()
        : this("invalid schema")
    {
    }

    public SimpleSchemaException(string reason)
        : this(reason, path: null)
    {
    }

    public SimpleSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public SimpleSchemaException(string reason, string? path)
        : base(path is null ? reason : $"{path}: {reason}")
    {
        Reason = reason;
        Path = path;
    }

    /// <summary>kro's error text without the location.</summary>
    public string Reason { get; }

    /// <summary>Dotted location of the offending field, or null.</summary>
    public string? Path { get; }

    /// <summary>The same error located at <paramref name="path"/> (keeps an inner, more precise path).</summary>
    internal SimpleSchemaException At(string path) => Path is null ? new SimpleSchemaException(Reason, path) : this;
}
