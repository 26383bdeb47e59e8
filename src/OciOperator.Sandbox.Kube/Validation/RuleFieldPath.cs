using System.Text;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// A rule's <c>fieldPath</c> (<c>.spec.replicas</c>, <c>.labels['app']</c>): field and map accessors only, each checked
/// against the schema (<c>ValidFieldPath</c>), normalized to the form error paths use (<c>spec.replicas</c>, <c>labels[app]</c>).
/// </summary>
internal static class RuleFieldPath
{
    /// <summary>Normalizes <paramref name="path"/>; with a schema, also checks that every step names a declared field or map entry.</summary>
    public static bool TryNormalize(string path, StructuralSchema? schema, out string normalized)
    {
        normalized = "";
        var sb = new StringBuilder();
        var i = 0;
        while (i < path.Length)
        {
            string name;
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '[' or ']'))
                {
                    end++;
                }

                name = path[(i + 1)..end];
                if (name.Length == 0)
                {
                    return false;
                }

                i = end;
            }
            else if (path[i] == '[')
            {
                if (!TryQuoted(path, i + 1, out name, out var after) || after >= path.Length || path[after] != ']')
                {
                    return false;
                }

                i = after + 1;
            }
            else
            {
                return false;
            }

            if (schema is not null)
            {
                if (schema.Properties.Count > 0)
                {
                    if (!schema.Properties.TryGetValue(name, out var child))
                    {
                        return false;
                    }

                    schema = child;
                    Append(sb, name, named: true);
                }
                else if (schema.AdditionalProperties is { } values)
                {
                    schema = values;
                    Append(sb, name, named: false);
                }
                else
                {
                    return false;
                }
            }
            else
            {
                Append(sb, name, named: true);
            }
        }

        normalized = sb.ToString();
        return true;
    }

    private static void Append(StringBuilder sb, string name, bool named)
    {
        if (named)
        {
            sb.Append(sb.Length == 0 ? "" : ".").Append(name);
        }
        else
        {
            sb.Append('[').Append(name).Append(']');
        }
    }

    private static bool TryQuoted(string path, int start, out string value, out int after)
    {
        value = "";
        after = start;
        if (start >= path.Length || path[start] != '\'')
        {
            return false;
        }

        var sb = new StringBuilder();
        for (var i = start + 1; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\\' && i + 1 < path.Length)
            {
                sb.Append(path[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                continue;
            }

            if (c == '\'')
            {
                value = sb.ToString();
                after = i + 1;
                return true;
            }

            sb.Append(c);
        }

        return false;
    }
}
