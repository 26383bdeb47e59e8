using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Status;

/// <summary>Mirrors OSOK-style conditions into the standard <c>status.conditions</c> shape.</summary>
internal static class StandardConditions
{
    public static StandardCondition From(OsokCondition condition, long? generation) => new()
    {
        Type = condition.Type,
        Status = condition.Status,
        ObservedGeneration = generation,
        LastTransitionTime = condition.LastTransitionTime ?? DateTimeOffset.UnixEpoch,
        Reason = string.IsNullOrEmpty(condition.Reason) ? condition.Type : condition.Reason,
        Message = condition.Message ?? string.Empty,
    };
}
