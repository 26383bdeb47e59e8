using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Kubernetes apiserver CEL URL library: url, isURL, getScheme, getHost, getHostname, getPort, getEscapedPath, getQuery.</summary>
internal static class KubernetesUrlLibrary
{
    public static readonly CelType UrlType = CelType.Opaque("kubernetes.URL");

    public static void Register(FunctionRegistry r)
    {
        var s = CelType.String;
        r.Unary<StringValue>("url", "string_to_url", UrlType, s, x => (CelValue?)UrlValue.TryParse(x.Value) ?? new ErrorValue($"URL parse error during conversion from string: '{x.Value}'"));
        r.Unary<StringValue>("isURL", "is_url_string", CelType.Bool, s, x => BoolValue.Of(UrlValue.TryParse(x.Value) is not null));
        r.MemberUnary<UrlValue>("getScheme", "url_get_scheme", s, UrlType, u => StringValue.Of(u.Uri?.Scheme ?? string.Empty));
        r.MemberUnary<UrlValue>("getHost", "url_get_host", s, UrlType, u => StringValue.Of(u.Uri is null ? string.Empty : u.Uri.IsDefaultPort && !u.ExplicitPort ? HostText(u.Uri) : HostText(u.Uri) + ":" + u.Uri.Port));
        r.MemberUnary<UrlValue>("getHostname", "url_get_hostname", s, UrlType, u => StringValue.Of(u.Uri?.IdnHost.Trim('[', ']') ?? string.Empty));
        r.MemberUnary<UrlValue>("getPort", "url_get_port", s, UrlType, u => StringValue.Of(u.Uri is not null && (u.ExplicitPort || !u.Uri.IsDefaultPort) ? u.Uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty));
        r.MemberUnary<UrlValue>("getEscapedPath", "url_get_escaped_path", s, UrlType, u => StringValue.Of(u.Uri?.AbsolutePath ?? u.Path));
        r.MemberUnary<UrlValue>("getQuery", "url_get_query", CelType.Map(s, CelType.List(s)), UrlType, u => Query(u.Uri?.Query ?? string.Empty));
    }

    private static string HostText(Uri u) => u.HostNameType == UriHostNameType.IPv6 ? "[" + u.IdnHost.Trim('[', ']') + "]" : u.IdnHost;

    private static CelValue Query(string query)
    {
        var groups = new List<(string Key, List<CelValue> Values)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((eq < 0 ? part : part[..eq]).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Values is null)
            {
                group = (key, []);
                groups.Add(group);
            }

            group.Values.Add(StringValue.Of(value));
        }

        return DictionaryMapValue.Create(groups.Select(g => new KeyValuePair<CelValue, CelValue>(StringValue.Of(g.Key), new ArrayListValue([.. g.Values]))).ToList());
    }
}
