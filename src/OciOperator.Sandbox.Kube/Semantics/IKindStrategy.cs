using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>One built-in kind's defaulting and validation, on create and on update, and what its deletion frees.</summary>
internal interface IKindStrategy
{
    /// <summary>Defaults and validates a new object; problems go to <paramref name="errors"/>.</summary>
    void PrepareForCreate(JsonObject obj, List<FieldError> errors);

    /// <summary>Defaults and validates <paramref name="obj"/> replacing <paramref name="old"/>.</summary>
    void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors);

    /// <summary>
    /// Undoes what preparing <paramref name="result"/> took from shared pools when a dry run discards it:
    /// <paramref name="current"/> is the stored object an update started from (null for a create), whose holdings stay.
    /// </summary>
    void DryRunDiscarded(JsonObject result, JsonObject? current)
    {
    }

    /// <summary>Frees what a deleted object held.</summary>
    void Released(JsonObject obj)
    {
    }
}
