using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>core/v1 Secret: stringData folded into base64 data, keys checked, type defaulted and immutable.</summary>
internal sealed class SecretStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Write(obj, null, errors);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Write(obj, old, errors);

    private static void Write(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = Child(obj, "data");
            foreach (var (key, value) in stringData)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }
        }

        obj.Remove("stringData");
        if (obj["data"] is JsonObject dataMap)
        {
            foreach (var (key, value) in dataMap)
            {
                if (value is null)
                {
                    continue;
                }

                if (value is not JsonValue v || !v.TryGetValue<string>(out var b64) || !IsBase64(b64))
                {
                    // Secret values never appear in messages: only the key is named.
                    throw ApiErrors.BadRequest($"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data in data[\"{key}\"]");
                }
            }
        }

        ConfigDataRules.Keys(obj, "data", errors);
        Default(obj, "type", "Opaque");
        if (old is not null)
        {
            if (!JsonNode.DeepEquals(obj["type"], old["type"] ?? "Opaque"))
            {
                errors.Add(FieldError.Invalid("type", obj["type"]?.DeepClone(), "field is immutable"));
            }

            ConfigDataRules.Immutable(obj, old, "data", errors);
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
