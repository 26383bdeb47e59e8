using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>Defaulting helpers for JSON objects.</summary>
internal static class JsonDefaults
{
    /// <summary>The object under <paramref name="name"/>, created empty when missing (or not an object).</summary>
    public static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject o)
        {
            return o;
        }

        o = [];
        parent[name] = o;
        return o;
    }

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> when it is missing or null.</summary>
    public static void Default(JsonObject obj, string name, JsonNode value)
    {
        if (obj[name] is null)
        {
            obj[name] = value;
        }
    }
}
