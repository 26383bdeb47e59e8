namespace OciOperator.Cel.Common;

/// <summary>
/// A static estimate of an expression's evaluation cost, in the units of <see cref="CelEnvironmentOptions.CostLimit"/>
/// (one per function call, one per comprehension iteration, one per 16 elements of a list built by a call):
/// every evaluation costs at least <see cref="Min"/> and at most <see cref="Max"/> (saturating at <see cref="long.MaxValue"/>).
/// </summary>
public readonly record struct CelCostEstimate(long Min, long Max)
{
    public override string ToString() => $"[{Min}, {Max}]";
}
