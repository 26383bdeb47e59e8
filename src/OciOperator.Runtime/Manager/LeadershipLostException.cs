namespace OciOperator.Runtime.Manager;

/// <summary>The lease was lost while leading: the process must end, so that a fresh start campaigns again.</summary>
public sealed class LeadershipLostException : Exception
{
    public LeadershipLostException()
    {
    }

    public LeadershipLostException(string message)
        : base(message)
    {
    }

    public LeadershipLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
