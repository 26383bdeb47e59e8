using System.Text;

namespace OciOperator.Mysql.Secrets;

/// <summary>
/// The outcome of <see cref="EndpointSecretData.Build"/>: the Secret's data when the status has every required field,
/// otherwise the status fields that are missing (and no data).
/// </summary>
public sealed record EndpointSecretDataResult
{
    private EndpointSecretDataResult(IReadOnlyDictionary<string, string>? data, IReadOnlyList<string> missingFields)
    {
        Data = data;
        MissingFields = missingFields;
    }

    /// <summary>
    /// Key → value, every key of <see cref="EndpointSecretKeys.All"/>; null when <see cref="MissingFields"/> is not
    /// empty.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Data { get; }

    /// <summary>The status paths (e.g. <c>status.ipAddress</c>) that are missing or invalid.</summary>
    public IReadOnlyList<string> MissingFields { get; }

    /// <summary>True when <see cref="Data"/> is available.</summary>
    public bool IsComplete => Data is not null;

    /// <summary>The data as a Secret's <c>data</c> (UTF-8 bytes), or null when incomplete.</summary>
    public Dictionary<string, byte[]>? ToSecretData() =>
        Data?.ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetBytes(pair.Value), StringComparer.Ordinal);

    internal static EndpointSecretDataResult Complete(IReadOnlyDictionary<string, string> data) => new(data, []);

    internal static EndpointSecretDataResult Incomplete(IReadOnlyList<string> missingFields) => new(null, missingFields);
}
