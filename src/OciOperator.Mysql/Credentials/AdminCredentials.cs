namespace OciOperator.Mysql.Credentials;

/// <summary>
/// The admin user name and password read from the referenced Secrets, with the <c>resourceVersion</c>s they came
/// from. Never printed: <see cref="ToString"/> shows only which values are present.
/// </summary>
internal sealed class AdminCredentials(string? username, string? password, string? usernameVersion, string? passwordVersion)
{
    /// <summary>No credentials referenced.</summary>
    public static AdminCredentials None { get; } = new(null, null, null, null);

    public string? Username { get; } = username;

    public string? Password { get; } = password;

    public string? UsernameSecretVersion { get; } = usernameVersion;

    public string? PasswordSecretVersion { get; } = passwordVersion;

    public override string ToString() =>
        $"AdminCredentials(username: {(Username is null ? "unset" : "set")}, password: {(Password is null ? "unset" : "set")})";
}
