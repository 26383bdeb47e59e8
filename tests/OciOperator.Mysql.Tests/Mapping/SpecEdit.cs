using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// One edit of one top-level spec field, relative to the spec it is applied to, for the update-planning tables.
/// </summary>
/// <param name="Field">The JSON name of the field the edit changes.</param>
/// <param name="Apply">Returns a copy of the spec with only that field changed.</param>
public sealed record SpecEdit(string Field, Func<DbSystemSpec, DbSystemSpec> Apply)
{
    public override string ToString() => Field;
}
