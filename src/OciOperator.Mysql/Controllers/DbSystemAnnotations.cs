namespace OciOperator.Mysql.Controllers;

/// <summary>Annotations and finalizer the DbSystem controller reads or writes on the custom resource.</summary>
public static class DbSystemAnnotations
{
    /// <summary>The finalizer that holds the resource until the OCI DB system is gone (OSOK's).</summary>
    public const string Finalizer = "finalizers.oci.oracle.com/oci-resources";

    /// <summary><c>retain</c> keeps the OCI DB system when the resource is deleted; <c>delete</c> (the default) removes it.</summary>
    public const string DeletionPolicy = "oci.oracle.com/deletion-policy";

    /// <summary>The value of <see cref="DeletionPolicy"/> that keeps the OCI resource.</summary>
    public const string Retain = "retain";

    /// <summary>True when <paramref name="annotations"/> ask to keep the OCI resource on deletion.</summary>
    public static bool RetainsOnDelete(IDictionary<string, string>? annotations) =>
        annotations is not null
        && annotations.TryGetValue(DeletionPolicy, out var value)
        && string.Equals(value?.Trim(), Retain, StringComparison.OrdinalIgnoreCase);
}
