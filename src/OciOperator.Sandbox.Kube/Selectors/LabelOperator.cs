namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>Label selector operators (apimachinery <c>selection.Operator</c>).</summary>
internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
