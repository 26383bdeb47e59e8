using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Variable slots: the first read of a variable in an evaluation looks it up in the activation (once, by name) and
/// keeps what it found; later reads of the same variable take it from its slot. A JSON variable keeps its node and
/// type unwrapped (field paths walk it in place); the type comes from the plan when the activation carries the
/// declarations the program was checked against, with no look-up.
/// </summary>
internal sealed partial class EvalContext
{
    private VariableSlot[] _variables = [];
    private int _variableCount;
    private IReadOnlyDictionary<string, CelType>? _declared;

    private void BindVariables(ICelActivation activation, ProgramLayout layout)
    {
        var count = layout.Variables;
        if (_variables.Length < count)
        {
            _variables = new VariableSlot[count];
        }

        _variableCount = count;
        _declared = layout.Declared;
    }

    private void UnbindVariables()
    {
        if (_variableCount == 1)
        {
            _variables[0] = default;
        }
        else if (_variableCount > 1)
        {
            _variables.AsSpan(0, _variableCount).Clear();
        }

        _declared = null;
    }

    /// <summary>
    /// The candidate's variable slot, resolved on the first read of the evaluation: <see cref="VariableKind.Json"/> with
    /// its node and type, <see cref="VariableKind.Value"/> with its CEL value, or <see cref="VariableKind.Absent"/>.
    /// Returned by reference so that reading it copies no references through out parameters (each such write is a
    /// checked write barrier).
    /// </summary>
    public ref readonly VariableSlot ReadVariable(AttributeCandidate c)
    {
        ref var slot = ref _variables[c.VariableSlot];
        if (slot.Kind == VariableKind.Unread)
        {
            slot = Resolve(c);
        }

        return ref slot;
    }

    private VariableSlot Resolve(AttributeCandidate c)
    {
        if (Activation is CelActivation activation)
        {
            if (!activation.TryGetRaw(c.Variable, out var raw))
            {
                return new VariableSlot(VariableKind.Absent, null, null, null);
            }

            if (raw is JsonNode node)
            {
                var types = activation.Types;
                var type = ReferenceEquals(types, _declared) ? c.DeclaredType : types is not null && types.TryGetValue(c.Variable, out var t) ? t : null;
                return new VariableSlot(VariableKind.Json, node, type, null);
            }

            return new VariableSlot(VariableKind.Value, null, null, CelActivation.ToValue(raw));
        }

        return Activation.TryResolve(c.Variable, out var value)
            ? new VariableSlot(VariableKind.Value, null, null, value)
            : new VariableSlot(VariableKind.Absent, null, null, null);
    }

    internal readonly record struct VariableSlot(VariableKind Kind, JsonNode? Node, CelType? Type, CelValue? Value);
}
