using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>An out-of-band change of one field of the live DB system, for the drift tables.</summary>
/// <param name="Field">The JSON name of the field the change touches.</param>
/// <param name="Apply">Returns a copy of the live status with only that field changed.</param>
public sealed record LiveEdit(string Field, Func<DbSystemStatus, DbSystemStatus> Apply)
{
    public override string ToString() => Field;
}
