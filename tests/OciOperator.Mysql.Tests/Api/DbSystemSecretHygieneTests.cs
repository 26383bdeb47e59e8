using OciOperator.Mysql.Api;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Tests.Api;

/// <summary>The API can only hold references to credentials, never their values (they would land in etcd and kubectl output).</summary>
public sealed class DbSystemSecretHygieneTests
{
    [Test]
    public void ApiTypes_CredentialProperties_AreSecretReferencesOrVersions()
    {
        var credentialProperties = typeof(DbSystem).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DbSystem).Namespace && t.IsClass)
            .SelectMany(OpenApiSchemaGenerator.SerializedProperties)
            .Where(p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Username", StringComparison.OrdinalIgnoreCase))
            .ToList();

        var offending = credentialProperties
            .Where(p => p.PropertyType != typeof(AdminCredentialSource) && !p.Name.EndsWith("SecretVersion", StringComparison.Ordinal))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.That(credentialProperties, Has.Count.EqualTo(6), "adminUsername/adminPassword in spec and status, and the two Secret versions");
        Assert.That(offending, Is.Empty);
    }
}
