namespace OciOperator.Mysql.Controllers;

/// <summary>A transient OCI failure, thrown out of a reconcile so the work queue retries it with backoff.</summary>
public sealed class DbSystemTransientException : Exception
{
    public DbSystemTransientException()
    {
    }

    public DbSystemTransientException(string message)
        : base(message)
    {
    }

    public DbSystemTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
