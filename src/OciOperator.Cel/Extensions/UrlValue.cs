using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>A parsed URL (absolute URI, or an absolute path) for the Kubernetes URL library.</summary>
internal sealed class UrlValue : CelValue
{
    private UrlValue(string text, Uri? uri, bool explicitPort)
    {
        Text = text;
        Uri = uri;
        ExplicitPort = explicitPort;
    }

    public string Text { get; }

    /// <summary>The absolute URI; null for a bare absolute path.</summary>
    public Uri? Uri { get; }

    public bool ExplicitPort { get; }

    public string Path => Uri is null ? Text.Split('?')[0] : Uri.AbsolutePath;

    public override CelType Type => KubernetesUrlLibrary.UrlType;

    public static UrlValue? TryParse(string text)
    {
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
        {
            return new UrlValue(text, null, false);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme.Length == 0)
        {
            return null;
        }

        var authority = text.Contains("://", StringComparison.Ordinal) ? text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', '?', '#')[0] : string.Empty;
        var explicitPort = authority.LastIndexOf(':') > authority.LastIndexOf(']');
        return new UrlValue(text, uri, explicitPort);
    }

    public override bool Equals(object? obj) => obj is UrlValue u && u.Text == Text;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override object? ToObject() => Text;
}
