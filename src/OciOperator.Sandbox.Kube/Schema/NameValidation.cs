using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Object name, label and annotation rules (apimachinery <c>pkg/util/validation</c>), with the apiserver's messages.</summary>
internal static partial class NameValidation
{
    public const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    public const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    private const string QualifiedNameMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    public const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    /// <summary>Errors for <c>metadata.name</c> under <paramref name="rule"/> (empty when valid).</summary>
    public static IReadOnlyList<FieldError> Name(string name, NameRule rule, string field = "metadata.name")
    {
        var errors = new List<FieldError>();
        switch (rule)
        {
            case NameRule.Label:
                if (name.Length > 63)
                {
                    errors.Add(FieldError.Invalid(field, name, "must be no more than 63 characters"));
                }

                if (!LabelRegex().IsMatch(name))
                {
                    errors.Add(FieldError.Invalid(field, name, LabelMessage));
                }

                break;
            case NameRule.Dns1035Label:
                if (name.Length > 63)
                {
                    errors.Add(FieldError.Invalid(field, name, "must be no more than 63 characters"));
                }

                if (!Dns1035Regex().IsMatch(name))
                {
                    errors.Add(FieldError.Invalid(field, name, Dns1035Message));
                }

                break;
            default:
                if (name.Length > 253)
                {
                    errors.Add(FieldError.Invalid(field, name, "must be no more than 253 characters"));
                }

                if (!SubdomainRegex().IsMatch(name))
                {
                    errors.Add(FieldError.Invalid(field, name, SubdomainMessage));
                }

                break;
        }

        return errors;
    }

    public static bool IsSubdomain(string value) => value.Length <= 253 && SubdomainRegex().IsMatch(value);

    /// <summary>True for a valid label value: empty, or at most 63 alphanumerics, '-', '_' or '.', alphanumeric at both ends.</summary>
    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValueRegex().IsMatch(value);

    /// <summary>Validates <c>metadata.labels</c> keys and values.</summary>
    public static void Labels(JsonObject? labels, List<FieldError> errors)
    {
        if (labels is null)
        {
            return;
        }

        foreach (var (key, value) in labels)
        {
            QualifiedName(key, "metadata.labels", errors);
            if (value is not JsonValue v || !v.TryGetValue<string>(out var s))
            {
                errors.Add(FieldError.TypeInvalid($"metadata.labels[{key}]", value?.DeepClone(), "must be a string"));
                continue;
            }

            if (s.Length > 63)
            {
                errors.Add(FieldError.Invalid($"metadata.labels", s, "must be no more than 63 characters"));
            }

            if (!LabelValueRegex().IsMatch(s))
            {
                errors.Add(FieldError.Invalid("metadata.labels", s, LabelValueMessage));
            }
        }
    }

    /// <summary>Validates <c>metadata.annotations</c> keys.</summary>
    public static void AnnotationKeys(JsonObject? annotations, List<FieldError> errors)
    {
        if (annotations is null)
        {
            return;
        }

        var total = 0L;
        foreach (var (key, value) in annotations)
        {
            QualifiedName(key.ToLowerInvariant(), "metadata.annotations", errors);
            if (value is not JsonValue v || !v.TryGetValue<string>(out var s))
            {
                errors.Add(FieldError.TypeInvalid($"metadata.annotations[{key}]", null, "must be a string"));
                continue;
            }

            total += key.Length + s.Length;
        }

        if (total > 256 * 1024)
        {
            errors.Add(FieldError.TooLong("metadata.annotations", 256 * 1024));
        }
    }

    public static void QualifiedName(string key, string field, List<FieldError> errors)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0 || !IsSubdomain(prefix))
            {
                errors.Add(FieldError.Invalid(field, key, "prefix part " + SubdomainMessage));
            }
        }

        if (name.Length == 0 || name.Length > 63 || !QualifiedNameRegex().IsMatch(name))
        {
            errors.Add(FieldError.Invalid(field, key, name.Length > 63 ? "name part must be no more than 63 characters" : QualifiedNameMessage));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainRegex();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Regex();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();
}
