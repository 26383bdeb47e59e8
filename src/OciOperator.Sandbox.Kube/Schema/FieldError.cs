using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// One validation failure, shaped like apimachinery's <c>field.Error</c>: <see cref="Type"/> is the
/// <c>causes[].reason</c>, <see cref="Field"/> the <c>causes[].field</c> and <see cref="Message"/> the
/// <c>causes[].message</c> (Go's <c>ErrorBody</c>).
/// </summary>
/// <param name="Type">One of <see cref="FieldErrorTypes"/>.</param>
/// <param name="Field">Path such as <c>spec.items[0].name</c>.</param>
/// <param name="Detail">Extra text after the value (may be empty).</param>
/// <param name="BadValue">The offending value as printed (for type errors: the JSON type name).</param>
internal sealed record FieldError(string Type, string Field, string Detail, JsonNode? BadValue)
{
    public static FieldError Required(string field, string detail = "") => new(FieldErrorTypes.Required, field, detail, null);

    public static FieldError Invalid(string field, JsonNode? value, string detail) => new(FieldErrorTypes.Invalid, field, detail, value);

    public static FieldError TypeInvalid(string field, JsonNode? value, string detail) => new(FieldErrorTypes.TypeInvalid, field, detail, value);

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorTypes.Forbidden, field, detail, null);

    public static FieldError Duplicate(string field, JsonNode? value) => new(FieldErrorTypes.Duplicate, field, "", value);

    public static FieldError TooLong(string field, long max) =>
        new(FieldErrorTypes.TooLong, field, $"may not be more than {max} bytes", null);

    public static FieldError TooMany(string field, long actual, long max) =>
        new(FieldErrorTypes.TooMany, field, $"must have at most {max} items", JsonValue.Create(actual));

    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> supported)
    {
        var quoted = string.Join(", ", supported.Select(GoFormat.Quote));
        return new(FieldErrorTypes.NotSupported, field, quoted.Length == 0 ? "" : "supported values: " + quoted, value);
    }

    /// <summary>
    /// The value as Go prints it when it is not a JSON value (a Go struct in <c>%#v</c>), or <see cref="OmittedValue"/>
    /// for a value the server leaves out (<c>field.OmitValueType</c>: <c>Invalid value: detail</c>).
    /// </summary>
    public string? RawBadValue { get; init; }

    /// <summary>Marks <see cref="RawBadValue"/> as omitted.</summary>
    public const string OmittedValue = "\0omit";

    /// <summary>The message body, exactly as Go's <c>field.Error.ErrorBody()</c> prints it.</summary>
    public string Message => Type switch
    {
        _ when RawBadValue == OmittedValue && Type is FieldErrorTypes.Invalid => WithDetail("Invalid value"),
        _ when RawBadValue is not null && Type is FieldErrorTypes.Invalid => WithDetail("Invalid value: " + RawBadValue),
        FieldErrorTypes.Required => WithDetail("Required value"),
        FieldErrorTypes.Forbidden => WithDetail("Forbidden"),
        FieldErrorTypes.TooLong => WithDetail("Too long"),
        FieldErrorTypes.Internal => WithDetail("Internal error"),
        FieldErrorTypes.TooMany => WithDetail("Too many: " + GoFormat.Value(BadValue)),
        FieldErrorTypes.NotSupported => WithDetail("Unsupported value: " + GoFormat.Value(BadValue)),
        FieldErrorTypes.Duplicate => WithDetail("Duplicate value: " + GoFormat.Value(BadValue)),
        FieldErrorTypes.NotFound => WithDetail("Not found: " + GoFormat.Value(BadValue)),
        _ => WithDetail("Invalid value: " + GoFormat.Value(BadValue)),
    };

    /// <summary><c>field: body</c>, the text used inside an Invalid Status message.</summary>
    public override string ToString() => Field.Length == 0 ? Message : Field + ": " + Message;

    private string WithDetail(string head) => Detail.Length == 0 ? head : head + ": " + Detail;
}
