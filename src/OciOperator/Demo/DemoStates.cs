namespace OciOperator.Demo;

/// <summary>The <c>status.state</c> values of kro's objects that the demo reacts to (kro.md §1, §6).</summary>
internal static class DemoStates
{
    public const string RgdActive = "Active";
    public const string RgdInactive = "Inactive";
    public const string InstanceActive = "ACTIVE";
    public const string InstanceError = "ERROR";
}
