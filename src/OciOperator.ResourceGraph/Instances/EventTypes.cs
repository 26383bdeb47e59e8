namespace OciOperator.ResourceGraph.Instances;

/// <summary>Core Event types.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
