namespace OciOperator.Schemas.Tests.Crd.Models;

internal sealed record NonNullableOptional
{
    public int Port { get; init; }
}
