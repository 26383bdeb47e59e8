namespace OciOperator.Cel.Planning;

/// <summary>
/// One <c>map</c>/<c>filter</c> of a fused chain (<see cref="ListChainNode"/>): the slot of its iteration variable, its
/// predicate (none for a plain <c>map</c>) and the element it gathers. <paramref name="RawTransform"/>: the element only
/// reads JSON (the variable or a field path of it), so it may stay unwrapped, as <see cref="AppendNode"/> keeps it.
/// </summary>
internal sealed record ListStage(int IterSlot, Interpretable? Filter, Interpretable Transform, bool RawTransform);
