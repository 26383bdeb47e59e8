namespace OciOperator.Sandbox.Kube.Http;

/// <summary>The <c>fieldValidation</c> query parameter (absent = Warn).</summary>
internal enum FieldValidationMode
{
    Warn,
    Strict,
    Ignore,
}
