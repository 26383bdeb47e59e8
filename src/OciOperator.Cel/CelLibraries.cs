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

    All = Strings | Math | Encoders | Optionals | Lists | Kubernetes | Kro,
}
