namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// The apiserver's CEL limits for CRD validation rules (<c>apiserver@ pkg/apis/cel/config.go</c>,
/// <c>apiextensions@ pkg/apis/apiextensions/validation/validation.go</c>), in our engine's cost units.
/// </summary>
internal static class CelValidationLimits
{
    /// <summary>Run-time cost limit of one rule evaluation (<c>PerCallLimit</c>).</summary>
    public const long PerCallLimit = 1_000_000;

    /// <summary>Run-time cost budget of all rules for one object (<c>RuntimeCELCostBudget</c>).</summary>
    public const long RuntimeCostBudget = 10_000_000;

    /// <summary>Estimated cost limit of one rule, times the cardinality of its node (<c>StaticEstimatedCostLimit</c>).</summary>
    public const long StaticEstimatedCostLimit = 10_000_000;

    /// <summary>Estimated cost limit of all rules of one schema (<c>StaticEstimatedCRDCostLimit</c>).</summary>
    public const long StaticEstimatedCrdCostLimit = 100_000_000;

    /// <summary>The largest request body, which bounds the size of an unbounded list, map or string.</summary>
    public const long MaxRequestSizeBytes = 3 * 1024 * 1024;

    /// <summary>The longest evaluated messageExpression (<c>MaxEvaluatedMessageExpressionSizeBytes</c>).</summary>
    public const int MaxEvaluatedMessageExpressionSizeBytes = 5 * 1024;
}
