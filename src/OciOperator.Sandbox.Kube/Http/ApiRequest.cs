namespace OciOperator.Sandbox.Kube.Http;

/// <summary>A parsed resource URL: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c>.</summary>
internal sealed record ApiRequest(
    string Group,
    string Version,
    string Resource,
    string? Namespace,
    string? Name,
    string? Subresource,
    bool LegacyWatch)
{
    /// <summary>
    /// Parses the segments after <c>/api</c> or <c>/apis</c>. Returns null when the path names no resource (discovery
    /// paths and malformed paths are handled elsewhere).
    /// </summary>
    public static ApiRequest? Parse(string[] segments)
    {
        int i;
        string group;
        string version;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            group = "";
            version = segments[1];
            i = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            group = segments[1];
            version = segments[2];
            i = 3;
        }
        else
        {
            return null;
        }

        var watch = false;
        if (segments[i] == "watch")
        {
            watch = true;
            i++;
        }

        var rest = segments[i..];
        if (rest.Length == 0)
        {
            return null;
        }

        if (rest[0] == "namespaces" && rest.Length >= 3 && !(group.Length == 0 && rest.Length == 3 && rest[2] is "status" or "finalize"))
        {
            // /namespaces/{ns}/{resource}[/{name}[/{sub}]]
            return rest.Length switch
            {
                3 => new ApiRequest(group, version, rest[2], rest[1], null, null, watch),
                4 => new ApiRequest(group, version, rest[2], rest[1], rest[3], null, watch),
                5 => new ApiRequest(group, version, rest[2], rest[1], rest[3], rest[4], watch),
                _ => null,
            };
        }

        return rest.Length switch
        {
            1 => new ApiRequest(group, version, rest[0], null, null, null, watch),
            2 => new ApiRequest(group, version, rest[0], null, rest[1], null, watch),
            3 => new ApiRequest(group, version, rest[0], null, rest[1], rest[2], watch),
            _ => null,
        };
    }
}
