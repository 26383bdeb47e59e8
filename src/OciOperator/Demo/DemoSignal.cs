namespace OciOperator.Demo;

/// <summary>What a watch reported about one object: its snapshot and, for the instance, the WordPress address.</summary>
internal sealed record DemoSignal(DemoSnapshot Snapshot, string? Address = null);
