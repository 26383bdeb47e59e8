namespace OciOperator.Mysql.Ownership;

/// <summary>
/// The freeform tags that mark a DB system as created for one custom resource, and the create retry token. A DB
/// system is ours only through its OCID in status, <c>spec.id</c>, or <see cref="OwnerUid"/> equal to the resource's
/// UID — never through a display name.
/// </summary>
public static class OwnershipTags
{
    /// <summary>Freeform tag whose value is the custom resource's <c>metadata.uid</c>.</summary>
    public const string OwnerUid = "oci-operator-owner-uid";

    /// <summary>Freeform tag whose value is <c>namespace/name</c> of the resource (for people reading the console).</summary>
    public const string OwnerName = "oci-operator-owner";

    /// <summary>
    /// The <c>opc-retry-token</c> of the create: the same for every attempt for one resource, so a crash between the
    /// create and the status write cannot make a second DB system (OCI tokens are at most 64 characters).
    /// </summary>
    public static string RetryToken(string uid) => "oci-operator-" + uid;

    /// <summary>The user's freeform tags plus the ownership tags (ours win).</summary>
    public static Dictionary<string, string> WithOwnership(IDictionary<string, string>? userTags, string uid, string @namespace, string name)
    {
        var tags = userTags is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(userTags, StringComparer.Ordinal);
        tags[OwnerUid] = uid;
        tags[OwnerName] = $"{@namespace}/{name}";
        return tags;
    }

    /// <summary>The UID the tags name as owner, or null.</summary>
    public static string? Owner(IReadOnlyDictionary<string, string>? tags) =>
        tags is not null && tags.TryGetValue(OwnerUid, out var value) && value.Length > 0 ? value : null;

    /// <summary>True when <paramref name="tags"/> mark the DB system as created for <paramref name="uid"/>.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string>? tags, string uid) =>
        tags is not null && tags.TryGetValue(OwnerUid, out var value) && value == uid;
}
