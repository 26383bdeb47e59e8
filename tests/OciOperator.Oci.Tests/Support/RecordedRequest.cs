namespace OciOperator.Oci.Tests.Support;

/// <summary>A request seen by <see cref="ScriptedHandler"/>.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
