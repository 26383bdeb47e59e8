using System.Globalization;
using Microsoft.AspNetCore.Http;

using OciOperator.Sandbox.Kube.Errors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>The query parameters the API understands, parsed once per request.</summary>
internal sealed record RequestOptions
{
    public string? FieldManager { get; init; }

    public FieldValidationMode FieldValidation { get; init; }

    public bool DryRun { get; init; }

    public bool? Force { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    public string? ResourceVersionMatch { get; init; }

    public bool Watch { get; init; }

    public bool AllowWatchBookmarks { get; init; }

    public int? TimeoutSeconds { get; init; }

    public string? PropagationPolicy { get; init; }

    public bool? OrphanDependents { get; init; }

    public string UserAgentManager { get; init; } = "unknown";

    /// <summary>Warnings collected while admitting the request (sent as <c>Warning: 299</c> headers).</summary>
    public List<string> Warnings { get; } = [];

    public static RequestOptions From(HttpRequest request)
    {
        var q = request.Query;
        var userAgent = request.Headers.UserAgent.ToString();
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var manager = slash > 0 ? userAgent[..slash] : userAgent;
        return new RequestOptions
        {
            FieldManager = Text(q, "fieldManager"),
            FieldValidation = Text(q, "fieldValidation") switch
            {
                null or "" or "Warn" => FieldValidationMode.Warn,
                "Strict" => FieldValidationMode.Strict,
                "Ignore" => FieldValidationMode.Ignore,
                var other => throw ApiErrors.BadRequest($"fieldValidation parameter unsupported: {other}"),
            },
            DryRun = Text(q, "dryRun") is { Length: > 0 } dry
                ? dry == "All" ? true : throw ApiErrors.BadRequest($"dryRun: Unsupported value: \"{dry}\": supported values: \"All\"")
                : false,
            Force = Bool(q, "force"),
            LabelSelector = Text(q, "labelSelector"),
            FieldSelector = Text(q, "fieldSelector"),
            Limit = Int(q, "limit"),
            Continue = Text(q, "continue"),
            ResourceVersion = Text(q, "resourceVersion"),
            ResourceVersionMatch = Text(q, "resourceVersionMatch"),
            Watch = Bool(q, "watch") ?? false,
            AllowWatchBookmarks = Bool(q, "allowWatchBookmarks") ?? false,
            TimeoutSeconds = Int(q, "timeoutSeconds"),
            PropagationPolicy = Text(q, "propagationPolicy"),
            OrphanDependents = Bool(q, "orphanDependents"),
            UserAgentManager = manager.Length > 0 ? manager : "unknown",
        };
    }

    private static string? Text(IQueryCollection q, string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;

    private static bool? Bool(IQueryCollection q, string name) => Text(q, name) switch
    {
        null => null,
        "" or "true" or "1" or "True" => true,
        "false" or "0" or "False" => false,
        var other => throw ApiErrors.BadRequest($"invalid value for {name}: \"{other}\""),
    };

    private static int? Int(IQueryCollection q, string name) => Text(q, name) switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0 => n,
        var other => throw ApiErrors.BadRequest($"invalid value for {name}: \"{other}\""),
    };
}
