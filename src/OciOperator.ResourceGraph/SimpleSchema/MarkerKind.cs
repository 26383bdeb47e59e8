namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>The SimpleSchema markers kro knows (<c>pkg/simpleschema/markers.go</c>).</summary>
internal enum MarkerKind
{
    Required,
    Default,
    Description,
    Enum,
    Minimum,
    Maximum,
    Pattern,
    MinLength,
    MaxLength,
    MinItems,
    MaxItems,
    UniqueItems,
    ListType,
    ListMapKey,
    Immutable,
    Validation,
}
