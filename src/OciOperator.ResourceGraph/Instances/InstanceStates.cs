namespace OciOperator.ResourceGraph.Instances;

/// <summary>The wire text of <see cref="InstanceState"/>.</summary>
public static class InstanceStates
{
    public static string ToWire(this InstanceState state) => state switch
    {
        InstanceState.Active => "ACTIVE",
        InstanceState.Error => "ERROR",
        InstanceState.Deleting => "DELETING",
        _ => "IN_PROGRESS",
    };
}
