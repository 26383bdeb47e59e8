namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>The apiserver's <c>causes[].reason</c> values (<c>apimachinery field.ErrorType</c>).</summary>
internal static class FieldErrorTypes
{
    public const string NotFound = "FieldValueNotFound";
    public const string Required = "FieldValueRequired";
    public const string Duplicate = "FieldValueDuplicate";
    public const string Invalid = "FieldValueInvalid";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string Internal = "InternalError";
    public const string TypeInvalid = "FieldValueTypeInvalid";
}
