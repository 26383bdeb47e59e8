using System.Collections.Concurrent;
using System.Globalization;
using OciOperator.Mysql.Credentials;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

/// <summary>
/// Remembers, in this process, the creates that were refused for good (an OCI 4xx, an availability domain that does
/// not exist) with the inputs they were tried with: the spec's generation, the admin Secrets' versions and the
/// annotations. A reconcile that comes again with the same inputs before the slow retry is due — a late watch event of
/// the admin Secret, say — is not a new attempt: it sends nothing and records no Event. A changed spec, Secret or
/// annotation is, at once; after a restart the next reconcile tries once more.
/// </summary>
internal sealed class RefusedCreates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Inputs, DateTimeOffset RetryAt)> _refused = new(StringComparer.Ordinal);

    /// <summary>What a create attempt depends on, as one comparable string (no secret value, only versions).</summary>
    public static string Inputs(DbSystem dbSystem, AdminCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(dbSystem);
        ArgumentNullException.ThrowIfNull(credentials);
        var annotations = dbSystem.Metadata.Annotations is { } a
            ? string.Join('\n', a.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))
            : string.Empty;
        return string.Join(
            '\u0000',
            (dbSystem.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture),
            credentials.UsernameSecretVersion ?? string.Empty,
            credentials.PasswordSecretVersion ?? string.Empty,
            annotations);
    }

    public void Remember(string uid, string inputs, TimeSpan retryAfter) => _refused[uid] = (inputs, time.GetUtcNow() + retryAfter);

    /// <summary>How long until the refused create with these same inputs may be tried again; null when it may now.</summary>
    public TimeSpan? Pending(string uid, string inputs)
    {
        if (!_refused.TryGetValue(uid, out var refused))
        {
            return null;
        }

        var wait = refused.RetryAt - time.GetUtcNow();
        if (refused.Inputs == inputs && wait > TimeSpan.Zero)
        {
            return wait;
        }

        _refused.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(uid, refused));
        return null;
    }

    public void Forget(string uid) => _refused.TryRemove(uid, out _);
}
