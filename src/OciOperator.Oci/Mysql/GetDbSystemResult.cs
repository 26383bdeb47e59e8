namespace OciOperator.Oci.Mysql;

/// <summary>GetDbSystem's answer: the DbSystem, or <see cref="NotModified"/> when If-None-Match matched (304).</summary>
public sealed record GetDbSystemResult(DbSystem? DbSystem, bool NotModified, string? ETag, string? OpcRequestId);
