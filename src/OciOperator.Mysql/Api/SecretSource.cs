using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>A reference to a Secret in the same namespace as the DbSystem.</summary>
[Description("A reference to a Secret in the same namespace as the DbSystem.")]
public sealed record SecretSource
{
    /// <summary>Name of the Secret, in the namespace of the DbSystem.</summary>
    [JsonPropertyName("secretName")]
    [Description("Name of the Secret, in the namespace of the DbSystem.")]
    public string? SecretName { get; init; }
}
