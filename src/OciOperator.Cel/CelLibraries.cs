namespace OciOperator.Cel;

/// <summary>Extension libraries that can be enabled in an environment.</summary>
[Flags]
public enum CelLibraries
{
    None = 0,

    /// <summary>cel-go ext.Strings.</summary>
    Strings = 1,

    /// <summary>cel-go ext.Math.</summary>
    Math = 2,

    /// <summary>cel-go ext.Encoders.</summary>
    Encoders = 4,

    /// <summary>cel-go optional types.</summary>
    Optionals = 8,

    /// <summary>cel-go ext.Lists.</summary>
    Lists = 16,

    /// <summary>Kubernetes CEL libraries kro exposes: lists, regex, quantity, URL, IP/CIDR, semver.</summary>
    Kubernetes = 32,

    /// <summary>kro's own libraries: random, json, hash, merge, list index operations.</summary>
    Kro = 64,

    /// <summary>
    /// kro's <c>omit()</c> sentinel (<see cref="Values.OmitValue"/>). Not in <see cref="All"/>: kro offers it only behind
    /// the CELOmitFunction feature gate and only in resource template expressions.
    /// </summary>
    KroOmit = 128,

    /// <summary>
    /// kro's condition helpers <c>runtime.newCondition({...})</c> and <c>runtime.condition(obj, type)</c>. Not in
    /// <see cref="All"/>: kro offers them only in <c>schema.status.conditions</c> expressions.
    /// </summary>
    KroRuntime = 256,

    /// <summary>
    /// cel-go ext.Sets (<c>sets.contains/equivalent/intersects</c>), which the Kubernetes apiserver offers in
    /// validation rules. Not in <see cref="All"/>: kro's expressions do not declare it.
    /// </summary>
    Sets = 512,

    /// <summary>Everything kro offers in every expression (not <see cref="KroOmit"/> and <see cref="KroRuntime"/>).</summary>
    All = Strings | Math | Encoders | Optionals | Lists | Kubernetes | Kro,
}
