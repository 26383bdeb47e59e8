using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Evaluation of parsed segments over a JSON tree.</summary>
internal sealed partial class JsonPathExpression
{
    private static class Evaluator
    {
        private const int MaxResults = 100_000;

        public static List<JsonNode> Run(IReadOnlyList<JsonPathSegment> segments, JsonNode? root)
        {
            var current = new List<JsonNode>();
            if (root is not null)
            {
                current.Add(root);
            }

            foreach (var segment in segments)
            {
                var next = new List<JsonNode>();
                foreach (var node in current)
                {
                    Step(segment, node, next);
                    if (next.Count > MaxResults)
                    {
                        break;
                    }
                }

                current = next;
                if (current.Count == 0)
                {
                    break;
                }
            }

            return current;
        }

        private static void Step(JsonPathSegment segment, JsonNode node, List<JsonNode> output)
        {
            switch (segment)
            {
                case JsonPathSegment.Field field when node is JsonObject obj:
                    foreach (var name in field.Names)
                    {
                        if (obj[name] is { } child)
                        {
                            output.Add(child);
                        }
                    }

                    break;
                case JsonPathSegment.Wildcard:
                    AddChildren(node, output);
                    break;
                case JsonPathSegment.RecursiveDescent:
                    AddDescendants(node, output, depth: 0);
                    break;
                case JsonPathSegment.Index index when node is JsonArray array:
                    foreach (var i in index.Indices)
                    {
                        var actual = i < 0 ? array.Count + i : i;
                        if (actual >= 0 && actual < array.Count && array[actual] is { } item)
                        {
                            output.Add(item);
                        }
                    }

                    break;
                case JsonPathSegment.Slice slice when node is JsonArray array:
                    AddSlice(slice, array, output);
                    break;
                case JsonPathSegment.Filter filter:
                    foreach (var candidate in Candidates(node))
                    {
                        if (Matches(filter, candidate))
                        {
                            output.Add(candidate);
                        }
                    }

                    break;
            }
        }

        private static IEnumerable<JsonNode> Candidates(JsonNode node) => node switch
        {
            JsonArray array => array.OfType<JsonNode>(),
            JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>(),
            _ => [],
        };

        private static void AddChildren(JsonNode node, List<JsonNode> output) => output.AddRange(Candidates(node));

        private static void AddDescendants(JsonNode node, List<JsonNode> output, int depth)
        {
            if (depth > StructuralSchema.MaxDepth || output.Count > MaxResults)
            {
                return;
            }

            output.Add(node);
            foreach (var child in Candidates(node))
            {
                AddDescendants(child, output, depth + 1);
            }
        }

        private static void AddSlice(JsonPathSegment.Slice slice, JsonArray array, List<JsonNode> output)
        {
            var count = array.Count;
            var step = slice.Step ?? 1;
            int Normalize(int value) => Math.Clamp(value < 0 ? count + value : value, 0, count);
            if (step > 0)
            {
                var start = Normalize(slice.Start ?? 0);
                var end = Normalize(slice.End ?? count);
                for (var i = start; i < end; i += step)
                {
                    if (array[i] is { } item)
                    {
                        output.Add(item);
                    }
                }
            }
            else
            {
                var start = slice.Start is { } s ? Math.Min(Normalize(s), count - 1) : count - 1;
                var end = slice.End is { } e ? Normalize(e) : -1;
                for (var i = start; i > end; i += step)
                {
                    if (array[i] is { } item)
                    {
                        output.Add(item);
                    }
                }
            }
        }

        private static bool Matches(JsonPathSegment.Filter filter, JsonNode candidate)
        {
            var left = Run(filter.Left, candidate);
            if (filter.Operator is null)
            {
                return left.Count > 0;
            }

            if (left.Count == 0)
            {
                return false;
            }

            JsonNode? right;
            if (filter.RightPath is not null)
            {
                var rights = Run(filter.RightPath, candidate);
                if (rights.Count == 0)
                {
                    return false;
                }

                right = rights[0];
            }
            else
            {
                right = filter.Literal;
            }

            return Compare(left[0], filter.Operator, right);
        }

        private static bool Compare(JsonNode left, string op, JsonNode? right)
        {
            if (JsonNumber.IsNumber(left) && JsonNumber.IsNumber(right))
            {
                var l = JsonNumber.ToDouble((JsonValue)left);
                var r = JsonNumber.ToDouble((JsonValue)right!);
                return op switch
                {
                    "==" => l == r,
                    "!=" => l != r,
                    "<" => l < r,
                    ">" => l > r,
                    "<=" => l <= r,
                    ">=" => l >= r,
                    _ => false,
                };
            }

            if (left is JsonValue lv && lv.GetValueKind() == JsonValueKind.String && right is JsonValue rv && rv.GetValueKind() == JsonValueKind.String)
            {
                var c = string.CompareOrdinal(lv.GetValue<string>(), rv.GetValue<string>());
                return op switch
                {
                    "==" => c == 0,
                    "!=" => c != 0,
                    "<" => c < 0,
                    ">" => c > 0,
                    "<=" => c <= 0,
                    ">=" => c >= 0,
                    _ => false,
                };
            }

            return op switch
            {
                "==" => JsonNode.DeepEquals(left, right),
                "!=" => !JsonNode.DeepEquals(left, right),
                _ => false,
            };
        }
    }
}
