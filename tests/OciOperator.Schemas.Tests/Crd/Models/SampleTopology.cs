using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OciOperator.Schemas.Crd;

namespace OciOperator.Schemas.Tests.Crd.Models;

/// <summary>List topology, item lengths and defaults.</summary>
internal sealed record SampleTopology
{
    [MaxLength(4)]
    [CrdItemMaxLength(63)]
    [CrdListType("set")]
    public IList<string>? Tags { get; init; }

    [CrdListType("map", "type")]
    public IList<SampleTopologyEntry>? Entries { get; init; }

    [CrdListType("atomic")]
    public IList<string>? Args { get; init; }

    [DefaultValue("kro.run")]
    public string? Group { get; init; }

    [DefaultValue(3)]
    public int? Replicas { get; init; }
}

/// <summary>An entry of a map-typed list.</summary>
internal sealed record SampleTopologyEntry
{
    [Required]
    public string Type { get; init; } = "";

    public string? Value { get; init; }
}
