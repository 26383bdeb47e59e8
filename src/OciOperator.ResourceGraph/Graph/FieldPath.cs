using System.Collections.Immutable;
using System.Text;

namespace OciOperator.ResourceGraph.Graph;

/// <summary>A path inside a JSON object: map keys and list indexes, shown as <c>spec.containers[0].name</c>.</summary>
public sealed record FieldPath(ImmutableArray<FieldPathSegment> Segments)
{
    public static readonly FieldPath Root = new([]);

    public FieldPath Key(string key) => new(Segments.Add(new FieldPathSegment(key, -1)));

    public FieldPath Index(int index) => new(Segments.Add(new FieldPathSegment(null, index)));

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment.Key is null)
            {
                sb.Append('[').Append(segment.Index).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(segment.Key);
            }
        }

        return sb.ToString();
    }

    public bool Equals(FieldPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => Segments.Length == 0 ? 0 : HashCode.Combine(Segments.Length, Segments[^1]);
}
