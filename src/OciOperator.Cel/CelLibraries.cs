namespace OciOperator.Cel;

/// <summary>Extension libraries that can be enabled in an environment.</summary>
[Flags]
public enum CelLibraries
{
    None = 0,
    Strings = 1,
    Math = 2,
    Encoders = 4,
    Optionals = 8,
    Lists = 16,
    All = Strings | Math | Encoders | Optionals | Lists,
}
