using System.Text;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Runtime.Caching;

namespace OciOperator.Mysql.Credentials;

/// <summary>
/// Reads the admin credentials a DbSystem references (<c>spec.adminUsername.secret.secretName</c>, key
/// <c>username</c>; <c>spec.adminPassword.secret.secretName</c>, key <c>password</c>) from the Secret cache, in the
/// DbSystem's namespace. Values are taken as they are (no trimming), as OSOK does.
/// </summary>
internal sealed class AdminCredentialReader(ICacheReader<V1Secret> secrets)
{
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    /// <summary>The credentials, or the first problem found (the Secret and key are named; values never).</summary>
    public (AdminCredentials? Credentials, CredentialProblem? Problem) Read(DbSystem dbSystem)
    {
        ArgumentNullException.ThrowIfNull(dbSystem);
        var ns = dbSystem.Metadata.NamespaceProperty;
        var username = ReadKey(ns, dbSystem.Spec.AdminUsername?.Secret?.SecretName, UsernameKey, "spec.adminUsername");
        if (username.Problem is not null)
        {
            return (null, username.Problem);
        }

        var password = ReadKey(ns, dbSystem.Spec.AdminPassword?.Secret?.SecretName, PasswordKey, "spec.adminPassword");
        return password.Problem is not null
            ? (null, password.Problem)
            : (new AdminCredentials(username.Value, password.Value, username.Version, password.Version), null);
    }

    /// <summary>The <c>resourceVersion</c> of the referenced password Secret, or null when unset or missing.</summary>
    public string? PasswordSecretVersion(DbSystem dbSystem)
    {
        var name = dbSystem.Spec.AdminPassword?.Secret?.SecretName;
        return string.IsNullOrEmpty(name) ? null : secrets.Get(dbSystem.Metadata.NamespaceProperty, name)?.Metadata.ResourceVersion;
    }

    private (string? Value, string? Version, CredentialProblem? Problem) ReadKey(string ns, string? secretName, string key, string field)
    {
        if (string.IsNullOrEmpty(secretName))
        {
            return (null, null, null);
        }

        var secret = secrets.Get(ns, secretName);
        if (secret is null)
        {
            return (null, null, new CredentialProblem(
                DbSystemConditionReason.SecretNotFound,
                $"Secret {ns}/{secretName} named by {field} does not exist; create it with the key '{key}' (the DbSystem proceeds as soon as it exists)."));
        }

        if (secret.Data?.TryGetValue(key, out var bytes) == true && bytes is not null)
        {
            return (Encoding.UTF8.GetString(bytes), secret.Metadata.ResourceVersion, null);
        }

        if (secret.StringData?.TryGetValue(key, out var text) == true && text is not null)
        {
            return (text, secret.Metadata.ResourceVersion, null);
        }

        return (null, null, new CredentialProblem(
            DbSystemConditionReason.SecretKeyNotFound,
            $"Secret {ns}/{secretName} named by {field} has no key '{key}'; add it (the DbSystem proceeds as soon as it is there)."));
    }
}
