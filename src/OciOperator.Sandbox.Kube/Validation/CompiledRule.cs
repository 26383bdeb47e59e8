using OciOperator.Cel;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>One <c>x-kubernetes-validations</c> entry, compiled against the type of its schema node.</summary>
/// <param name="Rule">The entry as written.</param>
/// <param name="Program">The checked rule (a bool).</param>
/// <param name="MessageProgram">The checked messageExpression (a string), if any.</param>
/// <param name="UsesOldSelf">A transition rule: evaluated on update only where an old value exists (unless optionalOldSelf).</param>
/// <param name="FieldPath">The normalized <c>fieldPath</c> relative to the node (empty when not given).</param>
/// <param name="Variables">The declared variable types, so JSON values follow the schema types.</param>
internal sealed record CompiledRule(
    SchemaValidationRule Rule,
    CelProgram Program,
    CelProgram? MessageProgram,
    bool UsesOldSelf,
    string FieldPath,
    IReadOnlyDictionary<string, OciOperator.Cel.Values.CelType> Variables)
{
    /// <summary>The rule's message, or its text when it has none (<c>ruleErrorString</c>).</summary>
    public string ErrorString => string.IsNullOrEmpty(Rule.Message) ? Rule.Rule.Trim() : Rule.Message.Trim();

    /// <summary>The message shown when the rule is false and no messageExpression answered.</summary>
    public string DefaultMessage => string.IsNullOrEmpty(Rule.Message) ? "failed rule: " + ErrorString : Rule.Message.Trim();
}
