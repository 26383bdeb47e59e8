namespace OciOperator.Demo;

/// <summary>Progress as plain lines, flushed one by one, for output that is redirected.</summary>
internal sealed class PlainDemoView(TextWriter output) : DemoView
{
    public override void Line(DemoLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Write([line.ToPlainText()]);
    }

    public override void Note(IReadOnlyList<string> lines) => Write(lines);

    public override void Problem(IReadOnlyList<string> lines) => Write(lines);

    private void Write(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.Flush();
    }
}
