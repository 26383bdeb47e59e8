namespace OciOperator.ResourceGraph.Instances;

/// <summary>kro's instance <c>status.state</c> values.</summary>
public enum InstanceState
{
    InProgress,
    Active,
    Error,
    Deleting,
}
