namespace OciOperator.Cel.Values;

/// <summary>
/// kro's <c>omit()</c> sentinel (kro.md §4.5, feature gate <c>CELOmitFunction</c>): a standalone template field whose
/// expression evaluates to it is removed from the rendered object (a map key, or an element of an array). It is not
/// data: converting it to JSON fails, so it cannot leak into a rendered value by accident.
/// </summary>
public sealed class OmitValue : CelValue
{
    /// <summary>The CEL type of the sentinel (an opaque type; the function is declared to return dyn).</summary>
    public static readonly CelType OmitType = CelType.Opaque("kro.omit");

    public static readonly OmitValue Instance = new();

    private OmitValue()
    {
    }

    public override CelType Type => OmitType;

    public override object? ToObject() => null;
}
