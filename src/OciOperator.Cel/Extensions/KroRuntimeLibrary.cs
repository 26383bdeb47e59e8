using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>
/// kro's condition helpers for <c>schema.status.conditions</c> entries (kro.md §4.5, §6.6):
/// <c>runtime.newCondition({type, status, reason, message})</c> (identifier keys are turned into strings by a parser
/// macro; <c>type</c> and <c>status</c> are required and status is True, False or Unknown) and
/// <c>runtime.condition(obj, 'Type')</c>, the condition of that type in <c>obj.status.conditions</c> or an empty one.
/// A condition is an object of type <c>kro.run.Condition</c> whose four string fields are always present ("" when unset).
/// </summary>
internal static class KroRuntimeLibrary
{
    public const string TypeField = "type";
    public const string StatusField = "status";
    public const string ReasonField = "reason";
    public const string MessageField = "message";

    private static readonly string[] FieldNames = [TypeField, StatusField, ReasonField, MessageField];

    /// <summary>The checker type of a condition.</summary>
    public static readonly CelType ConditionType = CelType.Object(
        "kro.run.Condition",
        FieldNames.ToDictionary(f => f, _ => CelType.String, StringComparer.Ordinal));

    public static void Register(FunctionRegistry r)
    {
        r.RegisterType("kro.run.Condition", ConditionType);
        r.Unary<MapValue>("runtime.newCondition", "runtime_new_condition_map", ConditionType, CelType.Map(CelType.String, CelType.Dyn), NewCondition);
        r.Binary<CelValue, StringValue>("runtime.condition", "runtime_condition_dyn_string", ConditionType, CelType.Dyn, CelType.String, FindCondition);
    }

    private static CelValue NewCondition(MapValue fields)
    {
        var values = new string[FieldNames.Length];
        foreach (var (key, value) in fields.Entries())
        {
            var index = key is StringValue k ? Array.IndexOf(FieldNames, k.Value) : -1;
            if (index < 0)
            {
                return new ErrorValue($"runtime.newCondition: unknown field {key}; a condition has type, status, reason and message");
            }

            if (value is not StringValue s)
            {
                return new ErrorValue($"runtime.newCondition: field {FieldNames[index]} must be a string, got {value.Type}");
            }

            values[index] = s.Value;
        }

        if (string.IsNullOrEmpty(values[0]))
        {
            return new ErrorValue("runtime.newCondition: type is required");
        }

        if (values[1] is not ("True" or "False" or "Unknown"))
        {
            return new ErrorValue(values[1] is null
                ? "runtime.newCondition: status is required"
                : $"runtime.newCondition: status must be True, False or Unknown, got '{values[1]}'");
        }

        return Condition(values);
    }

    private static CelValue FindCondition(CelValue obj, StringValue type)
    {
        if (obj is not MapValue map)
        {
            return new ErrorValue($"runtime.condition: expected an object, got {obj.Type}");
        }

        if (map.TryGet(StringValue.Of(StatusField), out var status) && status is MapValue statusMap
            && statusMap.TryGet(StringValue.Of("conditions"), out var conditions) && conditions is ListValue list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is MapValue c && Field(c, TypeField) == type.Value)
                {
                    return Condition([type.Value, Field(c, StatusField), Field(c, ReasonField), Field(c, MessageField)]);
                }
            }
        }

        return Condition(new string[FieldNames.Length]);
    }

    private static string Field(MapValue condition, string name) =>
        condition.TryGet(StringValue.Of(name), out var v) && v is StringValue s ? s.Value : "";

    private static CelValue Condition(string?[] values)
    {
        var entries = new KeyValuePair<CelValue, CelValue>[FieldNames.Length];
        for (var i = 0; i < FieldNames.Length; i++)
        {
            entries[i] = new(StringValue.Of(FieldNames[i]), StringValue.Of(values[i] ?? ""));
        }

        return DictionaryMapValue.Create(entries);
    }
}
