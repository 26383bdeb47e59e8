namespace OciOperator.Runtime.Reconciliation;

/// <summary>A failure that retrying cannot fix (the status should say why); the key is not requeued.</summary>
public sealed class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
