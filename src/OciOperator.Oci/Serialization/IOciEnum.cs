namespace OciOperator.Oci.Serialization;

/// <summary>A string-backed OCI enum that keeps unknown values.</summary>
public interface IOciEnum<TSelf>
    where TSelf : struct, IOciEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Wraps a wire value (known or not).</summary>
    static abstract TSelf FromValue(string value);
}
