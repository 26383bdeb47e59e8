namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>One <c>key=value</c> marker of a field spec (key as written), with its value already unquoted.</summary>
internal readonly record struct Marker(MarkerKind Kind, string Key, string Value)
{
    private static readonly Dictionary<string, MarkerKind> Keys = new(StringComparer.Ordinal)
    {
        ["required"] = MarkerKind.Required,
        ["default"] = MarkerKind.Default,
        ["description"] = MarkerKind.Description,
        ["enum"] = MarkerKind.Enum,
        ["minimum"] = MarkerKind.Minimum,
        ["maximum"] = MarkerKind.Maximum,
        ["pattern"] = MarkerKind.Pattern,
        ["minLength"] = MarkerKind.MinLength,
        ["maxLength"] = MarkerKind.MaxLength,
        ["minItems"] = MarkerKind.MinItems,
        ["maxItems"] = MarkerKind.MaxItems,
        ["uniqueItems"] = MarkerKind.UniqueItems,
        ["listType"] = MarkerKind.ListType,
        ["listMapKey"] = MarkerKind.ListMapKey,
        ["immutable"] = MarkerKind.Immutable,
        ["validation"] = MarkerKind.Validation,
    };

    public static Marker Create(string key, string value) =>
        Keys.TryGetValue(key, out var kind)
            ? new Marker(kind, key, value)
            : throw new SimpleSchemaException($"invalid marker key \"{key}\": unknown marker: {key}");
}
