namespace OciOperator.Schemas.Tests.Crd.Models;

internal sealed record RecursiveNode
{
    public RecursiveNode? Next { get; init; }
}
