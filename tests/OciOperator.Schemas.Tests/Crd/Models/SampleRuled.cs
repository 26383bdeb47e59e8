using OciOperator.Schemas.Crd;

namespace OciOperator.Schemas.Tests.Crd.Models;

/// <summary>CEL rules on a class, on a property and on a property whose type has its own rules.</summary>
[CrdValidation("!has(self.low) || !has(self.high) || self.low < self.high", Message = "low must be below high")]
[CrdValidation("self.name != 'forbidden'", MessageExpression = "'name ' + self.name + ' is taken'", Reason = "FieldValueForbidden", FieldPath = ".name")]
internal sealed record SampleRuled
{
    [CrdValidation("self == oldSelf", Message = "name is immutable", OptionalOldSelf = true)]
    public string? Name { get; init; }

    public int? Low { get; init; }

    public int? High { get; init; }

    [CrdValidation("self.size > 0", Message = "size must be positive")]
    public SampleRuledItem? Item { get; init; }

    public SampleItem? Plain { get; init; }

    [CrdPropertyCount(1, 1)]
    public IList<IDictionary<string, string>>? Dimensions { get; init; }

    [CrdPropertyCount(0, 4)]
    public IDictionary<string, string>? Labels { get; init; }
}

/// <summary>A type with an object-level rule of its own.</summary>
[CrdValidation("self.size < 100", Message = "size must be below 100")]
internal sealed record SampleRuledItem
{
    public int? Size { get; init; }
}
