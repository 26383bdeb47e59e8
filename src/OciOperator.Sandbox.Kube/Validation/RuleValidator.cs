using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// Evaluates a custom resource's compiled rules on create and update (<c>apiextensions@ pkg/apiserver/schema/cel/validation.go</c>):
/// <c>self</c> is the value at the node (null values are not validated), transition rules run only where a
/// correlated old value exists (object properties, map entries, items of <c>x-kubernetes-list-type: map</c> lists
/// by key) unless <c>optionalOldSelf</c>; a false rule gives its message (or messageExpression) at the node's path
/// plus <c>fieldPath</c>, with the <c>reason</c>'s error type; all rules of one object share the runtime budget.
/// Ratcheting: a rule without oldSelf that fails on a value equal to its old value is a warning, not an error.
/// </summary>
internal sealed class RuleValidator
{
    private readonly List<FieldError> _errors = [];
    private readonly List<string> _warnings = [];
    private long _budget = CelValidationLimits.RuntimeCostBudget;
    private bool _stopped;

    private RuleValidator()
    {
    }

    /// <summary>The errors and ratcheted warnings of one write (<paramref name="old"/> is null on create).</summary>
    public static (IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings) Validate(SchemaRules rules, JsonObject obj, JsonObject? old, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(obj);
        var validator = new RuleValidator();
        validator.Walk(rules, obj, old, old is not null, "", ct);
        return (validator._errors, validator._warnings);
    }

    private void Walk(SchemaRules node, JsonNode? value, JsonNode? old, bool hasOld, string path, CancellationToken ct)
    {
        if (value is null || _stopped)
        {
            return;
        }

        if (node.Rules.Count > 0)
        {
            if (_budget <= 0)
            {
                Fail(FieldError.Invalid(Shown(path), JsonValue.Create(node.TypeName), "validation failed due to running out of cost budget, no further validation rules will be run"));
                return;
            }

            var unchanged = hasOld && JsonNode.DeepEquals(value, old);
            foreach (var rule in node.Rules)
            {
                Evaluate(node, rule, value, old, hasOld, unchanged, path, ct);
                if (_stopped)
                {
                    return;
                }
            }
        }

        switch (value)
        {
            case JsonObject obj:
                var oldObj = hasOld ? old as JsonObject : null;
                foreach (var (name, child) in node.Properties)
                {
                    if (obj.TryGetPropertyValue(name, out var childValue))
                    {
                        JsonNode? oldChild = null;
                        var childHasOld = oldObj is not null && oldObj.TryGetPropertyValue(name, out oldChild) && oldChild is not null;
                        Walk(child, childValue, oldChild, childHasOld, FieldPaths.Child(path, name), ct);
                    }
                }

                if (node.AdditionalProperties is { } values)
                {
                    foreach (var (key, entry) in obj)
                    {
                        if (node.Schema.Properties.ContainsKey(key))
                        {
                            continue;
                        }

                        JsonNode? oldEntry = null;
                        var entryHasOld = oldObj is not null && oldObj.TryGetPropertyValue(key, out oldEntry) && oldEntry is not null;
                        Walk(values, entry, oldEntry, entryHasOld, FieldPaths.Key(path, key), ct);
                    }
                }

                break;
            case JsonArray array when node.Items is { } items:
                var oldArray = hasOld && node.Schema.ListType == "map" ? old as JsonArray : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var oldItem = oldArray is null ? null : Correlate(array[i], oldArray, node.Schema.ListMapKeys);
                    Walk(items, array[i], oldItem, oldItem is not null, FieldPaths.Index(path, i), ct);
                }

                break;
        }
    }

    private static JsonNode? Correlate(JsonNode? item, JsonArray oldArray, IReadOnlyList<string> keys)
    {
        if (item is not JsonObject obj || keys.Count == 0)
        {
            return null;
        }

        return oldArray.OfType<JsonObject>().FirstOrDefault(o => keys.All(k => JsonNode.DeepEquals(o[k], obj[k])));
    }

    private void Evaluate(SchemaRules node, CompiledRule rule, JsonNode value, JsonNode? old, bool hasOld, bool unchanged, string path, CancellationToken ct)
    {
        if (rule.UsesOldSelf && !hasOld && !rule.Rule.OptionalOldSelf)
        {
            return;
        }

        var variables = new Dictionary<string, object?>(2) { ["self"] = value };
        if (rule.UsesOldSelf)
        {
            variables["oldSelf"] = rule.Rule.OptionalOldSelf
                ? hasOld ? OptionalValue.Of(CelJson.FromNode(old, rule.Variables["oldSelf"].Parameters[0])) : OptionalValue.None
                : old;
        }

        var activation = new CelActivation(variables, rule.Variables);
        var result = rule.Program.Evaluate(activation, out var cost, ct);
        if (cost > _budget)
        {
            Fail(FieldError.Invalid(Shown(path), JsonValue.Create(node.TypeName), "validation failed due to running out of cost budget, no further validation rules will be run"));
            return;
        }

        _budget -= cost;
        if (result is ErrorValue error)
        {
            ReportEvaluationError(node, rule, error, path);
            return;
        }

        if (result is BoolValue { Value: true })
        {
            return;
        }

        var fieldPath = Shown(rule.FieldPath.Length == 0 ? path
            : rule.FieldPath[0] == '[' ? path + rule.FieldPath : FieldPaths.Child(path, rule.FieldPath));
        var detail = rule.MessageProgram is null ? null : EvaluateMessage(node, rule, activation, fieldPath, ct);
        if (_stopped)
        {
            return;
        }

        var fieldError = ErrorFor(rule.Rule.Reason, fieldPath, node, value, detail ?? rule.DefaultMessage);
        if (!rule.UsesOldSelf && unchanged)
        {
            _warnings.Add(fieldError.ToString());
        }
        else
        {
            _errors.Add(fieldError);
        }
    }

    private void ReportEvaluationError(SchemaRules node, CompiledRule rule, ErrorValue error, string path)
    {
        var type = JsonValue.Create(node.TypeName);
        if (error.Message.StartsWith("operation cancelled: actual cost limit exceeded", StringComparison.Ordinal))
        {
            Fail(FieldError.Invalid(Shown(path), type, $"'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: {rule.ErrorString}"));
        }
        else if (error.Message.StartsWith("no such overload", StringComparison.Ordinal))
        {
            _errors.Add(FieldError.Invalid(Shown(path), type, $"'{error.Message}': call arguments did not match a supported operator, function or macro signature for rule: {rule.ErrorString}"));
        }
        else
        {
            _errors.Add(FieldError.Invalid(Shown(path), type, $"{error.Message} evaluating rule: {rule.ErrorString}"));
        }
    }

    /// <summary>The messageExpression's text, or null to fall back to the message (a failed messageExpression is not the user's error).</summary>
    private string? EvaluateMessage(SchemaRules node, CompiledRule rule, CelActivation activation, string fieldPath, CancellationToken ct)
    {
        var result = rule.MessageProgram!.Evaluate(activation, out var cost, ct);
        if (cost > _budget)
        {
            Fail(FieldError.Invalid(fieldPath, JsonValue.Create(node.TypeName), "messageExpression evaluation failed due to running out of cost budget, no further validation rules will be run"));
            return null;
        }

        _budget -= cost;
        if (result is ErrorValue error && error.Message.StartsWith("operation cancelled: actual cost limit exceeded", StringComparison.Ordinal))
        {
            Fail(FieldError.Invalid(fieldPath, JsonValue.Create(node.TypeName), $"no further validation rules will be run due to call cost exceeds limit for messageExpression: {GoFormat.Quote(rule.Rule.MessageExpression ?? "")}"));
            return null;
        }

        if (result is not StringValue text)
        {
            return null;
        }

        var trimmed = text.Value.Trim();
        return trimmed.Length == 0 || trimmed.Length > CelValidationLimits.MaxEvaluatedMessageExpressionSizeBytes || trimmed.Contains('\n', StringComparison.Ordinal)
            ? null
            : trimmed;
    }

    /// <summary><c>fieldErrorForReason</c>: objects and lists are left out of the message, scalars are shown.</summary>
    private static FieldError ErrorFor(string? reason, string path, SchemaRules node, JsonNode value, string detail)
    {
        var omitted = node.Schema.Type is "object" or "array" || value is JsonObject or JsonArray;
        return reason switch
        {
            FieldErrorTypes.Forbidden => FieldError.Forbidden(path, detail),
            FieldErrorTypes.Required => FieldError.Required(path, detail),
            FieldErrorTypes.Duplicate => omitted ? new FieldError(FieldErrorTypes.Duplicate, path, "", null) { RawBadValue = FieldError.OmittedValue } : FieldError.Duplicate(path, value.DeepClone()),
            _ => omitted
                ? new FieldError(FieldErrorTypes.Invalid, path, detail, null) { RawBadValue = FieldError.OmittedValue }
                : FieldError.Invalid(path, value.DeepClone(), detail),
        };
    }

    /// <summary>The path as Go prints a nil <c>field.Path</c> (rules at the resource root).</summary>
    private static string Shown(string path) => path.Length == 0 ? "<nil>" : path;

    private void Fail(FieldError error)
    {
        _errors.Add(error);
        _budget = -1;
        _stopped = true;
    }
}
