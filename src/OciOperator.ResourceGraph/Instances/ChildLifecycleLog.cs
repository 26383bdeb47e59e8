using Microsoft.Extensions.Logging;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Log messages of the kro v0.10 child lifecycle (<see cref="DeletionPolicies"/>, <see cref="ExternalFields"/>):
/// EventIds 6230–6239 of the ResourceGraph assembly.
/// </summary>
internal static partial class ChildLifecycleLog
{
    [LoggerMessage(EventId = 6230, Level = LogLevel.Information,
        Message = "Released {ChildKind} {Child}: deletionPolicy Orphaned, so kro's labels, internal annotations and field ownership were removed and the object kept")]
    public static partial void Released(ILogger logger, string childKind, string child);

    [LoggerMessage(EventId = 6231, Level = LogLevel.Debug,
        Message = "{ChildKind} {Child}: external field {Path} is owned by another field manager; left out of the apply")]
    public static partial void HandedOff(ILogger logger, string childKind, string child, string path);
}
