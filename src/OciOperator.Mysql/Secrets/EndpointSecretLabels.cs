namespace OciOperator.Mysql.Secrets;

/// <summary>The labels of the endpoint Secret.</summary>
public static class EndpointSecretLabels
{
    /// <summary>
    /// Marks an endpoint Secret as written for one DbSystem (OSOK v2's ownership label); the value is the DbSystem's
    /// <c>metadata.uid</c>. A Secret of the DbSystem's name without this label (or with another UID) is not ours.
    /// </summary>
    public const string OwnerUid = "mysql.oracle.com/dbsystem-uid";
}
