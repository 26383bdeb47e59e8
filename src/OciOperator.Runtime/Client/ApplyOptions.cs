namespace OciOperator.Runtime.Client;

/// <summary>
/// Server-side apply: who applies (<c>fieldManager</c>, which owns the fields it sends) and whether a conflict
/// with another manager's fields is overridden (<c>force</c>), as controllers do.
/// </summary>
/// <param name="FieldManager">The field manager name, e.g. <c>kro.run/applyset</c>.</param>
/// <param name="Force">Take over fields another manager owns instead of failing with 409 Conflict.</param>
/// <param name="Status">Apply to the <c>/status</c> subresource.</param>
public sealed record ApplyOptions(string FieldManager, bool Force = true, bool Status = false);
