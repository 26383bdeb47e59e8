using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Mysql.Credentials;

/// <summary>
/// Remembers, in this process only, a keyed hash of the password last sent for each DbSystem (by UID), so an edit of
/// the admin Secret that leaves the password unchanged sends nothing. The key is random per process and nothing is
/// ever written out; after a restart a changed Secret version sends the password once more.
/// </summary>
internal sealed class PasswordFingerprints
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte[]> _sent = new(StringComparer.Ordinal);

    public void Remember(string uid, string password) => _sent[uid] = Hash(password);

    /// <summary>True only when <paramref name="password"/> is known to be the one last sent for <paramref name="uid"/>.</summary>
    public bool IsKnownSent(string uid, string password) =>
        _sent.TryGetValue(uid, out var hash) && CryptographicOperations.FixedTimeEquals(hash, Hash(password));

    public void Forget(string uid) => _sent.TryRemove(uid, out _);

    private byte[] Hash(string password) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));
}
