using System.Text.RegularExpressions;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>The apimachinery name rules used by schema and CRD checks, with their exact messages.</summary>
internal static partial class NameRules
{
    public const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string Dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static bool IsDns1123Subdomain(string value) => value.Length is > 0 and <= 253 && Dns1123Subdomain().IsMatch(value);

    /// <summary>The DNS-1035 label errors joined by "," as apimachinery does (empty when valid).</summary>
    public static string Dns1035LabelErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Dns1035Label().IsMatch(value))
        {
            errors.Add(Dns1035LabelMessage);
        }

        return string.Join(",", errors);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();
}
