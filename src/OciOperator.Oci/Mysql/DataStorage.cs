namespace OciOperator.Oci.Mysql;

/// <summary>Data storage settings (request and response shape).</summary>
public sealed record DataStorage
{
    public bool? IsAutoExpandStorageEnabled { get; init; }

    public int? MaxStorageSizeInGBs { get; init; }

    public int? AllocatedStorageSizeInGBs { get; init; }

    public int? DataStorageSizeInGBs { get; init; }

    public int? DataStorageSizeLimitInGBs { get; init; }
}
