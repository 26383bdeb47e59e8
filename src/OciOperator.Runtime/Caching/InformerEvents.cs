namespace OciOperator.Runtime.Caching;

/// <summary>The vocabulary of the Events informers record on the objects they watch.</summary>
public static class InformerEvents
{
    /// <summary>The reason of the Warning Event on an object the operator cannot decode.</summary>
    public const string FailedDecode = "FailedDecode";

    /// <summary>The action of that Event.</summary>
    public const string DecodeAction = "Decode";
}
