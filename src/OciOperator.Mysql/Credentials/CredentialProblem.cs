namespace OciOperator.Mysql.Credentials;

/// <summary>Why the admin credentials could not be read: a missing Secret or key (the message names it, never a value).</summary>
/// <param name="Reason">CamelCase reason for the condition and Event: <c>SecretNotFound</c> or <c>SecretKeyNotFound</c>.</param>
/// <param name="Message">What is missing and what to do.</param>
internal sealed record CredentialProblem(string Reason, string Message);
