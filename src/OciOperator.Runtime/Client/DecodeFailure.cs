using System.Text.Json;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>
/// An object in a list or watch that could not be decoded into the requested type (client-go decodes per object
/// too): who it is, read from its raw metadata, and why it failed. Lists and watches carry it beside the decoded
/// objects instead of failing, so one bad object never hides the others.
/// </summary>
/// <param name="ApiVersion">The object's <c>apiVersion</c> (the listed type's, when the body has none).</param>
/// <param name="Kind">The object's <c>kind</c> (the listed type's, when the body has none).</param>
/// <param name="Namespace">Its namespace; null for cluster-scoped objects.</param>
/// <param name="Name">Its name; empty when even that is unreadable.</param>
/// <param name="Uid">Its UID, when readable (an Event about it needs one).</param>
/// <param name="ResourceVersion">Its resourceVersion, when readable.</param>
/// <param name="Reason">What could not be decoded, without any field value (safe for logs and Events).</param>
public sealed record DecodeFailure(string ApiVersion, string Kind, string? Namespace, string Name, string? Uid, string? ResourceVersion, string Reason)
{
    /// <summary>Describes <paramref name="element"/>, which failed to decode as <paramref name="type"/> with <paramref name="error"/>.</summary>
    public static DecodeFailure From(JsonElement element, ResourceType type, Exception error)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(error);
        var meta = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new DecodeFailure(
            String(element, "apiVersion") ?? type.ApiVersion,
            String(element, "kind") ?? type.Kind,
            String(meta, "namespace"),
            String(meta, "name") ?? string.Empty,
            String(meta, "uid"),
            String(meta, "resourceVersion"),
            Describe(error));
    }

    /// <summary>The object as an Event's <c>regarding</c> reference (metadata only).</summary>
    public V1ObjectMeta Metadata => new() { Name = Name, NamespaceProperty = Namespace, Uid = Uid, ResourceVersion = ResourceVersion };

    public override string ToString() => $"{Kind} {(string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}")}: {Reason}";

    // System.Text.Json names the path and the target type but never the value; other decoders (the Kubernetes
    // date-time converter, base64) may quote the value, so only the kind of failure is kept from them.
    private static string Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { } path } json)
            {
                var message = json.Message;
                var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
                var what = cut > 0 ? message[..cut] : "The value could not be read.";
                return $"{what.TrimEnd('.')} at {path}";
            }
        }

        return error switch
        {
            FormatException => "a value is not in the expected format (for example a date-time the client cannot parse)",
            OverflowException => "a number is out of range for its type",
            _ => $"{error.GetType().Name} while decoding",
        };
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
