namespace OciOperator.Oci.Tests.Support;

/// <summary>An environment-variable lookup backed by a dictionary.</summary>
internal sealed class FakeEnvironment(Dictionary<string, string>? values = null)
{
    private readonly Dictionary<string, string> _values = values ?? [];

    public string? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public Func<string, string?> Lookup => name => _values.GetValueOrDefault(name);
}
