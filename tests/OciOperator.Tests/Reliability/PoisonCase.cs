using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

/// <summary>How a malformed DbSystem may end: each is a clear answer; staying silent, a 5xx or a hang is not.</summary>
[Flags]
internal enum PoisonOutcome
{
    None = 0,

    /// <summary>The API server refused it with a 4xx Status.</summary>
    Rejected = 1,

    /// <summary>Accepted, then the Failed condition is True with a reason and a message.</summary>
    Failed = 2,

    /// <summary>Accepted; the operator cannot read it and says so in a Warning Event (reason FailedDecode).</summary>
    Reported = 4,

    /// <summary>Accepted and OCI took it: ACTIVE (a strange but valid object).</summary>
    Active = 8,

    Any = Rejected | Failed | Reported | Active,
}

/// <summary>
/// One malformed DbSystem: the raw body POSTed (not a typed client's), optionally a merge patch sent to its status
/// afterwards, and the outcomes that are right for it.
/// </summary>
internal sealed record PoisonCase(string Name, string What, string Body, JsonObject? StatusPatch, PoisonOutcome Allowed)
{
    public override string ToString() => $"{Name} ({What})";
}
