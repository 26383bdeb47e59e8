using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Xml;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// The descriptions of KubernetesClient's model types and properties, read from the part of the package's XML
/// documentation file (<c>KubernetesClient.xml</c>) that the build embeds in this assembly (the <c>k8s.Models</c>
/// members, gzipped). The file's summaries are the OpenAPI descriptions wrapped at about 80 columns by the client's
/// generator: wrapped lines are joined with a space and blank lines kept as paragraph breaks (<c>\n\n</c>), which gives
/// back the published text except where it had single line breaks of its own. Loading keeps the raw text; a summary is
/// normalized when it is asked for.
/// </summary>
internal sealed class ModelDocumentation
{
    /// <summary>The manifest name the build gives the embedded documentation.</summary>
    internal const string ResourceName = "OciOperator.Schemas.KubernetesClient.Models.xml.gz";

    private readonly Dictionary<string, string> _summaries;

    private ModelDocumentation(Dictionary<string, string> summaries)
    {
        _summaries = summaries;
    }

    /// <summary>How many members have a summary (possibly empty).</summary>
    public int Count => _summaries.Count;

    /// <summary>Loads the embedded documentation.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without it (a build bug).</exception>
    public static ModelDocumentation LoadEmbedded()
    {
        using var resource = typeof(ModelDocumentation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; OciOperator.Schemas was built without KubernetesClient.xml.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        return Load(gzip);
    }

    /// <summary>Reads an XML documentation file (or the embedded subset of one).</summary>
    public static ModelDocumentation Load(Stream xml)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        while (reader.ReadToFollowing("member"))
        {
            var name = reader.GetAttribute("name");
            using var member = reader.ReadSubtree();
            if (name is not null && member.ReadToFollowing("summary"))
            {
                summaries[name] = member.ReadElementContentAsString();
            }
        }

        return new ModelDocumentation(summaries);
    }

    /// <summary>The summary of a model type, or null.</summary>
    public string? Of(Type type) => Summary("T:" + type.FullName);

    /// <summary>The summary of a model property, or null.</summary>
    public string? Of(PropertyInfo property) => Summary($"P:{property.DeclaringType?.FullName}.{property.Name}");

    private string? Summary(string member) =>
        _summaries.TryGetValue(member, out var raw) && Normalize(raw) is { Length: > 0 } text ? text : null;

    internal static string Normalize(string summary)
    {
        var text = new StringBuilder(summary.Length);
        var paragraphOpen = false;
        var pendingBreak = false;
        foreach (var rawLine in summary.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                pendingBreak = paragraphOpen;
                continue;
            }

            if (pendingBreak)
            {
                text.Append("\n\n");
            }
            else if (paragraphOpen)
            {
                text.Append(' ');
            }

            text.Append(line);
            paragraphOpen = true;
            pendingBreak = false;
        }

        return text.ToString();
    }
}
