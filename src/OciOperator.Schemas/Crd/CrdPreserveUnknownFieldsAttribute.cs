namespace OciOperator.Schemas.Crd;

/// <summary>
/// Marks a property as free-form: its schema gets <c>x-kubernetes-preserve-unknown-fields: true</c>, so the API server
/// keeps whatever JSON it holds. <see cref="System.Text.Json.JsonElement"/> and <see cref="System.Text.Json.Nodes.JsonNode"/>
/// properties are free-form without this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdPreserveUnknownFieldsAttribute : Attribute;
