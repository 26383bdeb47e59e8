namespace OciOperator.Oci.Regions;

/// <summary>A region: identifier (<c>us-ashburn-1</c>), short code (<c>iad</c>), realm key and realm domain.</summary>
public sealed record OciRegion(string Id, string? ShortCode, string RealmKey, string RealmDomain)
{
    /// <summary>The host for a service, e.g. <c>auth.us-ashburn-1.oraclecloud.com</c>. A region containing '.' is used as-is.</summary>
    public string ServiceHost(string service) =>
        Id.Contains('.', StringComparison.Ordinal) ? $"{service}.{Id}" : $"{service}.{Id}.{RealmDomain}";

    /// <summary>MySQL endpoint including its base path: <c>https://mysql.&lt;region&gt;.ocp.&lt;domain&gt;/20190415</c>.</summary>
    public Uri MysqlEndpoint =>
        new(Id.Contains('.', StringComparison.Ordinal) ? $"https://mysql.{Id}/20190415" : $"https://mysql.{Id}.ocp.{RealmDomain}/20190415");

    /// <summary>Identity endpoint including its base path: <c>https://identity.&lt;region&gt;.&lt;domain&gt;/20160918</c>.</summary>
    public Uri IdentityEndpoint => new($"https://{ServiceHost("identity")}/20160918");

    /// <summary>Federation (auth service) base: <c>https://auth.&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public Uri AuthEndpoint => new($"https://{ServiceHost("auth")}");
}
