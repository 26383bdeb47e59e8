using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>The answer of <see cref="ObjectCache.Read"/>: a current copy, known absence, or "ask the API server".</summary>
public readonly record struct CacheRead(CacheReadKind Kind, JsonObject? Object)
{
    public static CacheRead Unknown => new(CacheReadKind.Unknown, null);

    public static CacheRead Absent => new(CacheReadKind.Absent, null);

    public static CacheRead Of(JsonObject obj) => new(CacheReadKind.Hit, obj);
}

/// <summary>What a cache read found.</summary>
public enum CacheReadKind
{
    /// <summary>The cache cannot answer; read the API server.</summary>
    Unknown,

    /// <summary>A complete cache does not hold the object: it does not exist.</summary>
    Absent,

    /// <summary>A current copy.</summary>
    Hit,
}
