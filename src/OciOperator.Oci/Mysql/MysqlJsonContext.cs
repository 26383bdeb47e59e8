using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>
/// Source-generated JSON for the MySQL API: camelCase names, unset (null) properties never written, unknown
/// properties ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(CreateDbSystemDetails))]
[JsonSerializable(typeof(UpdateDbSystemDetails))]
[JsonSerializable(typeof(DbSystem))]
[JsonSerializable(typeof(IReadOnlyList<DbSystemSummary>))]
[JsonSerializable(typeof(WorkRequest))]
[JsonSerializable(typeof(IReadOnlyList<WorkRequestSummary>))]
[JsonSerializable(typeof(IReadOnlyList<WorkRequestError>))]
[JsonSerializable(typeof(IReadOnlyList<WorkRequestLogEntry>))]
public sealed partial class MysqlJsonContext : JsonSerializerContext;
