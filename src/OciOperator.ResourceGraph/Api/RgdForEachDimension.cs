namespace OciOperator.ResourceGraph.Api;

/// <summary>One <c>forEach</c> entry: an iterator name and the <c>${...}</c> expression of the list it walks.</summary>
public sealed record RgdForEachDimension(string Name, string Expression);
