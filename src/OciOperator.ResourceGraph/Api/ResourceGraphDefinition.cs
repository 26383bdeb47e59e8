using OciOperator.ResourceGraph.Crd;

namespace OciOperator.ResourceGraph.Api;

/// <summary>A <c>kro.run/v1alpha1 ResourceGraphDefinition</c> as read by <see cref="RgdReader"/>.</summary>
public sealed record ResourceGraphDefinition
{
    public const string ApiVersion = "kro.run/v1alpha1";
    public const string Kind = "ResourceGraphDefinition";

    public required string Name { get; init; }

    public string Uid { get; init; } = string.Empty;

    public long Generation { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary><c>spec.schema</c>; null when it could not be read (the reader then reported why).</summary>
    public RgdSchema? Schema { get; init; }

    public IReadOnlyList<RgdResource> Resources { get; init; } = [];
}
