namespace OciOperator.Schemas.Crd;

/// <summary>
/// A CEL validation rule (an entry of <c>x-kubernetes-validations</c>). On a class or struct the rule is object-level
/// (<c>self</c> is the object; rules across its fields); on a property it is field-level (<c>self</c> is the field's
/// value). Several rules may be given; they are written in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class CrdValidationAttribute(string rule) : Attribute
{
    /// <summary>The CEL expression; the object is valid when it evaluates to true.</summary>
    public string Rule { get; } = rule;

    /// <summary>The message the API server returns when the rule fails.</summary>
    public string? Message { get; init; }

    /// <summary>A CEL expression that yields the message (takes precedence over <see cref="Message"/> when it evaluates).</summary>
    public string? MessageExpression { get; init; }

    /// <summary>The machine-readable reason: <c>FieldValueInvalid</c> (default), <c>FieldValueForbidden</c>,
    /// <c>FieldValueRequired</c> or <c>FieldValueDuplicate</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The JSON path (relative to the schema node) the failure is reported at, e.g. <c>.portX</c>.</summary>
    public string? FieldPath { get; init; }

    /// <summary>Whether <c>oldSelf</c> is an optional value (so transition rules also run on create).</summary>
    public bool OptionalOldSelf { get; init; }
}
