namespace OciOperator.Benchmarks.DbSystem;

/// <summary>The figures of a scale run, by section, printed as one two-column table at the end.</summary>
internal sealed class ScaleReport
{
    private readonly List<(string Section, string Figure, string Value)> _rows = [];
    private string _section = string.Empty;

    public void Section(string title) => _section = title;

    public void Add(string figure, string value) => _rows.Add((_section, figure, value));

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var width = Math.Max(6, _rows.Count == 0 ? 0 : _rows.Max(r => r.Figure.Length));
        string? section = null;
        await output.WriteLineAsync();
        foreach (var (s, figure, value) in _rows)
        {
            if (s != section)
            {
                section = s;
                await output.WriteLineAsync();
                await output.WriteLineAsync($"## {s}");
                await output.WriteLineAsync($"| {"figure".PadRight(width)} | value");
                await output.WriteLineAsync($"|-{new string('-', width)}-|------");
            }

            await output.WriteLineAsync($"| {figure.PadRight(width)} | {value}");
        }
    }
}
