using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Ownership;
using OciOperator.Oci.Mysql;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// Turns a DbSystem spec into OCI <c>CreateDbSystemDetails</c>: the spec's fields carry OCI's names, so the body is
/// the spec without <c>id</c>, the Secret references and empty blocks, plus the credential values and the ownership tags.
/// </summary>
internal static class CreateDetailsBuilder
{
    public static CreateDbSystemDetails Build(DbSystem dbSystem, AdminCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(dbSystem);
        ArgumentNullException.ThrowIfNull(credentials);
        var body = Body(dbSystem.Spec);
        body["freeformTags"] = ApiJson.ToObject(OwnershipTags.WithOwnership(
            dbSystem.Spec.FreeformTags, dbSystem.Metadata.Uid, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name));
        var details = body.Deserialize(MysqlJsonContext.Default.CreateDbSystemDetails)
            ?? throw new InvalidOperationException("The DbSystem spec could not be turned into CreateDbSystemDetails.");
        return details with { AdminUsername = credentials.Username, AdminPassword = credentials.Password };
    }

    /// <summary>The spec fields that CreateDbSystemDetails has no place for (they would be dropped silently).</summary>
    public static IReadOnlyList<string> UnmappedFields(DbSystemSpec spec)
    {
        var body = Body(spec);
        var details = body.Deserialize(MysqlJsonContext.Default.CreateDbSystemDetails);
        var back = details is null ? [] : JsonSerializer.SerializeToNode(details, MysqlJsonContext.Default.CreateDbSystemDetails) as JsonObject ?? [];
        return [.. body.Select(p => p.Key).Where(k => !back.ContainsKey(k))];
    }

    /// <summary>The spec as OCI's create body: without <c>id</c> and the Secret references, empty blocks dropped.</summary>
    private static JsonObject Body(DbSystemSpec spec)
    {
        var body = SpecNormalization.WithoutEmptyBlocks(ApiJson.ToObject(spec));
        body.Remove("id");
        body.Remove("adminUsername");
        body.Remove("adminPassword");
        return body;
    }
}
