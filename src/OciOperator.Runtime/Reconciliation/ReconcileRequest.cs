namespace OciOperator.Runtime.Reconciliation;

/// <summary>
/// What to reconcile: only a key (level-based; no event). <see cref="Type"/> is set for dynamic controllers that
/// serve several kinds from one queue.
/// </summary>
public readonly record struct ReconcileRequest(string? Namespace, string Name, ResourceType? Type = null)
{
    public override string ToString() =>
        (string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}") + (Type is null ? string.Empty : $" ({Type})");
}
