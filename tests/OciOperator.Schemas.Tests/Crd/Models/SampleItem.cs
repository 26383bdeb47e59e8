using System.ComponentModel.DataAnnotations;

namespace OciOperator.Schemas.Tests.Crd.Models;

[System.ComponentModel.Description("An item.")]
internal sealed record SampleItem
{
    [Required]
    public int Size { get; init; }

    public bool? Flag { get; init; }
}
