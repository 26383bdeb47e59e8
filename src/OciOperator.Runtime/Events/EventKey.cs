namespace OciOperator.Runtime.Events;

/// <summary>What makes two events "the same" for aggregation: the object, type, reason, action and note.</summary>
internal readonly record struct EventKey(string RegardingUid, string Type, string Reason, string Action, string Note);
