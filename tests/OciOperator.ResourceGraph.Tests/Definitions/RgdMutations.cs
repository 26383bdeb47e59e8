using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>Seeded random damage to an RGD document: one mutation per call, of a kind picked at random.</summary>
internal static class RgdMutations
{
    private static readonly string[] BadCel = ["${", "${schema.spec.", "${nosuch.field}", "${schema.spec.value +}", "${1 +}", "${size(}", "${schema.spec.value.nosuch()}", "${[1,2}"];

    private static readonly string[] Unicode = ["değer", "值", "🚀rocket", "\u200b", "ÀÉÎÕÜ", "Ω≈ç√∫", "\t\n"];

    public static JsonObject Mutate(JsonObject rgd, Random random, out string kind)
    {
        var copy = rgd.DeepClone().AsObject();
        var leaves = Walk(copy).ToList();
        var (parent, key) = leaves[random.Next(leaves.Count)];
        switch (random.Next(8))
        {
            case 0:
                kind = "wrong type";
                Set(parent, key, random.Next(3) switch { 0 => JsonValue.Create(42), 1 => JsonValue.Create(true), _ => new JsonArray(1, 2) });
                break;
            case 1:
                kind = "missing field";
                Remove(parent, key);
                break;
            case 2:
                kind = "huge string";
                Set(parent, key, JsonValue.Create(new string('x', random.Next(10_000, 200_000))));
                break;
            case 3:
                kind = "unicode";
                Set(parent, key, JsonValue.Create(Unicode[random.Next(Unicode.Length)]));
                break;
            case 4:
                kind = "deep nesting";
                JsonNode deep = JsonValue.Create("bottom");
                for (var i = 0; i < random.Next(20, 200); i++)
                {
                    deep = new JsonObject { ["n"] = deep };
                }

                Set(parent, key, deep);
                break;
            case 5:
                kind = "bad CEL";
                Set(parent, key, JsonValue.Create(BadCel[random.Next(BadCel.Length)]));
                break;
            case 6:
                kind = "cycle";
                var resources = copy["spec"]!["resources"]!.AsArray();
                resources[0]!["template"]!["metadata"]!["name"] = "${secret.metadata.name + \"-c\"}";
                break;
            default:
                kind = "unknown field";
                if (parent is JsonObject obj)
                {
                    obj["unexpected" + random.Next(100)] = "?";
                }
                else
                {
                    Set(parent, key, JsonValue.Create("?"));
                }

                break;
        }

        return copy;
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key is "apiVersion" or "kind" && ReferenceEquals(obj.Parent, null))
                    {
                        continue;
                    }

                    yield return (obj, key);
                    if (value is not null)
                    {
                        foreach (var inner in Walk(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } item)
                    {
                        foreach (var inner in Walk(item))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove((string)key);
        }
        else
        {
            parent.AsArray().RemoveAt((int)key);
        }
    }
}
