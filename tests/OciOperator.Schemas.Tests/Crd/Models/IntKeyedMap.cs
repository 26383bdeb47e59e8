namespace OciOperator.Schemas.Tests.Crd.Models;

internal sealed record IntKeyedMap
{
    public IDictionary<int, string>? Values { get; init; }
}
