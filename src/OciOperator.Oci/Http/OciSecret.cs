namespace OciOperator.Oci.Http;

/// <summary>A secret value sent in a request (<see cref="Field"/> names it, e.g. <c>adminPassword</c>). Never printed.</summary>
public readonly record struct OciSecret(string Field, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"OciSecret({Field})";
}
