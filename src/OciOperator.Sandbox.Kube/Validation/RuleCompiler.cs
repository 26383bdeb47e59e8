using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// Compiles the <c>x-kubernetes-validations</c> of one schema node, reporting problems with the apiserver's field
/// errors (<c>ValidateCustomResourceDefinitionOpenAPISchema</c> and <c>apiextensions@ pkg/apiserver/schema/cel/compilation.go</c>)
/// and the estimated cost of each expression.
/// </summary>
internal static class RuleCompiler
{
    private static readonly string[] SupportedReasons = [FieldErrorTypes.Duplicate, FieldErrorTypes.Forbidden, FieldErrorTypes.Invalid, FieldErrorTypes.Required];

    /// <summary>One compiled expression's place and estimated cost (already multiplied by the node's cardinality).</summary>
    public sealed record ExpressionCost(string Path, long Cost);

    /// <summary>The outcome for one node: the rules that compiled, errors and costs.</summary>
    public sealed record NodeRules(IReadOnlyList<CompiledRule> Rules, IReadOnlyList<FieldError> Errors, IReadOnlyList<ExpressionCost> Costs);

    /// <param name="schema">The node's parsed schema.</param>
    /// <param name="nodeJson">The node's schema JSON (to type <c>self</c>).</param>
    /// <param name="isRoot">The resource root.</param>
    /// <param name="path">The node's path in the CRD, such as <c>spec.validation.openAPIV3Schema.properties[spec]</c>.</param>
    /// <param name="cardinality">How many times the node can occur in one object.</param>
    /// <param name="uncorrelatablePath">The list under which old values cannot be correlated (oldSelf forbidden), or null.</param>
    public static NodeRules Compile(StructuralSchema schema, JsonObject nodeJson, bool isRoot, string path, long cardinality, string? uncorrelatablePath)
    {
        var rules = new List<CompiledRule>();
        var errors = new List<FieldError>();
        var costs = new List<ExpressionCost>();
        if (schema.ValidationRules.Count == 0)
        {
            return new NodeRules(rules, errors, costs);
        }

        var environments = new RuleEnvironments(nodeJson, isRoot, "self");
        for (var i = 0; i < schema.ValidationRules.Count; i++)
        {
            var rule = schema.ValidationRules[i];
            var rulePath = FieldPaths.Index(path + ".x-kubernetes-validations", i);
            if (!CheckShape(schema, rule, rulePath, errors))
            {
                continue;
            }

            var compiled = CompileOne(schema, environments, rule, rulePath, cardinality, uncorrelatablePath, errors, costs);
            if (compiled is not null)
            {
                rules.Add(compiled);
            }
        }

        return new NodeRules(rules, errors, costs);
    }

    private static bool CheckShape(StructuralSchema schema, SchemaValidationRule rule, string rulePath, List<FieldError> errors)
    {
        var before = errors.Count;
        var message = rule.Message?.Trim() ?? "";
        if (rule.Rule.Trim().Length == 0)
        {
            errors.Add(FieldError.Required(rulePath + ".rule", "rule is not specified"));
        }
        else if (rule.Message is { Length: > 0 } && message.Length == 0)
        {
            errors.Add(FieldError.Invalid(rulePath + ".message", JsonValue.Create(rule.Message), "message must be non-empty if specified"));
        }
        else if (message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(rulePath + ".message", JsonValue.Create(rule.Message), "message must not contain line breaks"));
        }
        else if ((rule.Rule.Trim().Contains('\n', StringComparison.Ordinal) || rule.Rule.Trim().Contains('\r', StringComparison.Ordinal)) && message.Length == 0)
        {
            errors.Add(FieldError.Required(rulePath + ".message", "message must be specified if rule contains line breaks"));
        }

        if (rule.MessageExpression is { Length: > 0 } && rule.MessageExpression.Trim().Length == 0)
        {
            errors.Add(FieldError.Required(rulePath + ".messageExpression", "messageExpression must be non-empty if specified"));
        }

        if (rule.Reason is not null && !SupportedReasons.Contains(rule.Reason, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(rulePath + ".reason", JsonValue.Create(rule.Reason), SupportedReasons));
        }

        if (rule.FieldPath is { Length: > 0 } fieldPath)
        {
            if (fieldPath.Trim().Length == 0)
            {
                errors.Add(FieldError.Invalid(rulePath + ".fieldPath", JsonValue.Create(fieldPath), "fieldPath must be non-empty if specified"));
            }
            else if (fieldPath.Contains('\n', StringComparison.Ordinal))
            {
                errors.Add(FieldError.Invalid(rulePath + ".fieldPath", JsonValue.Create(fieldPath), "fieldPath must not contain line breaks"));
            }
            else if (!RuleFieldPath.TryNormalize(fieldPath, schema, out _))
            {
                errors.Add(FieldError.Invalid(rulePath + ".fieldPath", JsonValue.Create(fieldPath), "fieldPath must be a valid path"));
            }
        }

        return errors.Count == before;
    }

    private static CompiledRule? CompileOne(
        StructuralSchema schema,
        RuleEnvironments environments, SchemaValidationRule rule, string rulePath, long cardinality, string? uncorrelatablePath, List<FieldError> errors, List<ExpressionCost> costs)
    {
        // A rule that compiles without oldSelf does not use it; otherwise it is a transition rule (or wrong either way).
        var usesOldSelf = false;
        var environment = environments.WithoutOldSelf;
        var result = environment.Compile(rule.Rule);
        if (!result.Success)
        {
            var withOld = rule.OptionalOldSelf ? environments.WithOptionalOldSelf : environments.WithOldSelf;
            var second = withOld.Compile(rule.Rule);
            if (second.Success || second.Issues.Count < result.Issues.Count)
            {
                usesOldSelf = second.Success;
                environment = withOld;
                result = second;
            }
        }

        var ruleCost = Multiply(result.Cost?.Max ?? 0, cardinality);
        if (ruleCost > CelValidationLimits.StaticEstimatedCostLimit)
        {
            errors.Add(FieldError.Forbidden(rulePath + ".rule", CostMessage("estimated rule cost", ruleCost, CelValidationLimits.StaticEstimatedCostLimit)));
        }

        costs.Add(new ExpressionCost(rulePath + ".rule", ruleCost));
        if (!result.Success)
        {
            errors.Add(new FieldError(FieldErrorTypes.Invalid, rulePath + ".rule", "compilation failed: " + IssuesText(rule.Rule, result.Issues), null) { RawBadValue = GoRule(rule) });
            return null;
        }

        if (result.Program!.ResultType != CelType.Bool && result.Program.ResultType != CelType.Dyn)
        {
            errors.Add(new FieldError(FieldErrorTypes.Invalid, rulePath + ".rule", "cel expression must evaluate to a bool", null) { RawBadValue = GoRule(rule) });
            return null;
        }

        CelProgram? messageProgram = null;
        if (rule.MessageExpression is { Length: > 0 } messageExpression && messageExpression.Trim().Length > 0)
        {
            var message = environment.Compile(messageExpression);
            if (!message.Success)
            {
                errors.Add(new FieldError(FieldErrorTypes.Invalid, rulePath + ".messageExpression", "messageExpression compilation failed: " + IssuesText(messageExpression, message.Issues), null) { RawBadValue = GoRule(rule) });
                return null;
            }

            if (message.Program!.ResultType != CelType.String && message.Program.ResultType != CelType.Dyn)
            {
                errors.Add(new FieldError(FieldErrorTypes.Invalid, rulePath + ".messageExpression", "must evaluate to a string", null) { RawBadValue = GoRule(rule) });
                return null;
            }

            var messageCost = Multiply(message.Cost?.Max ?? 0, cardinality);
            if (messageCost > CelValidationLimits.StaticEstimatedCostLimit)
            {
                errors.Add(FieldError.Forbidden(rulePath + ".messageExpression", CostMessage("estimated messageExpression cost", messageCost, CelValidationLimits.StaticEstimatedCostLimit)));
            }

            costs.Add(new ExpressionCost(rulePath + ".messageExpression", messageCost));
            messageProgram = message.Program;
        }

        if (usesOldSelf && uncorrelatablePath is not null)
        {
            errors.Add(FieldError.Invalid(rulePath + ".rule", JsonValue.Create(rule.Rule), $"oldSelf cannot be used on the uncorrelatable portion of the schema within {uncorrelatablePath}"));
            return null;
        }

        if (!usesOldSelf && rule.OptionalOldSelf)
        {
            errors.Add(FieldError.Invalid(rulePath + ".optionalOldSelf", JsonValue.Create(true), "may not be set if oldSelf is not used in rule"));
            return null;
        }

        RuleFieldPath.TryNormalize(rule.FieldPath ?? "", schema, out var normalized);
        var variables = rule.OptionalOldSelf ? environments.WithOptionalOldSelf.Options.Variables : environment.Options.Variables;
        return new CompiledRule(rule, result.Program, messageProgram, usesOldSelf, normalized, variables);
    }

    /// <summary><c>getCostErrorMessage</c>: the factor by which a cost exceeds its limit.</summary>
    public static string CostMessage(string costName, long cost, long limit)
    {
        var factor = (double)cost / limit;
        var text = factor switch
        {
            > 100.0 => "more than 100x",
            < 1.5 => factor.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + "x",
            _ => factor.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "x",
        };
        return $"{costName} exceeds budget by factor of {text} (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
    }

    public static long Multiply(long cost, long cardinality) =>
        cost == 0 ? 0 : cardinality > long.MaxValue / cost ? long.MaxValue : cost * cardinality;

    /// <summary>cel-go's issue text: each error with its source line and a caret under the column.</summary>
    private static string IssuesText(string source, IReadOnlyList<CelIssue> issues)
    {
        var lines = source.Split('\n');
        var sb = new StringBuilder();
        foreach (var issue in issues)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(issue);
            if (issue.Line >= 1 && issue.Line <= lines.Length)
            {
                var line = lines[issue.Line - 1].TrimEnd('\r');
                sb.Append("\n | ").Append(line).Append("\n | ").Append('.', Math.Max(0, issue.Column - 1)).Append('^');
            }
        }

        return sb.ToString();
    }

    /// <summary>The rule as Go's <c>%#v</c> prints an <c>apiextensions.ValidationRule</c>.</summary>
    private static string GoRule(SchemaValidationRule rule) =>
        "apiextensions.ValidationRule{Rule:" + GoFormat.Quote(rule.Rule)
        + ", Message:" + GoFormat.Quote(rule.Message ?? "")
        + ", MessageExpression:" + GoFormat.Quote(rule.MessageExpression ?? "")
        + ", Reason:(*apiextensions.FieldValueErrorReason)(" + (rule.Reason is null ? "nil" : "0xc000010000") + ")"
        + ", FieldPath:" + GoFormat.Quote(rule.FieldPath ?? "")
        + ", OptionalOldSelf:(*bool)(" + (rule.OptionalOldSelf ? "0xc000010008" : "nil") + ")}";
}
