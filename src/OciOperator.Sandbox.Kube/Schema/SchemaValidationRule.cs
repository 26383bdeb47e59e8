namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>One entry of <c>x-kubernetes-validations</c>; kept verbatim, evaluated later by CEL.</summary>
internal sealed record SchemaValidationRule(
    string Rule,
    string? Message,
    string? MessageExpression,
    string? Reason,
    string? FieldPath,
    bool OptionalOldSelf);
