namespace OciOperator.Cel.Common;

/// <summary>A compile-time problem with its location (1-based line and column, 0-based offset).</summary>
public sealed record CelIssue(string Message, int Offset, int Line, int Column)
{
    public static CelIssue At(string source, int offset, string message)
    {
        var line = 1;
        var col = 1;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return new CelIssue(message, offset, line, col);
    }

    public override string ToString() => $"ERROR: <input>:{Line}:{Column}: {Message}";
}
