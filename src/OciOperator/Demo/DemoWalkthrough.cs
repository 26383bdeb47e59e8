using System.Text.Json.Nodes;
using OciOperator.Runtime.Client;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.Demo;

/// <summary>
/// The seed walkthrough the demo applies, embedded in the binary: <c>config/samples/osok_kro_demo_rgd.yaml</c> (the
/// ResourceGraphDefinition) and <c>config/samples/osok_kro_demo.yaml</c> (its instance), the files the README applies
/// with kubectl.
/// </summary>
internal sealed class DemoWalkthrough
{
    /// <summary>The namespace the instance lives in (the README creates it with kubectl).</summary>
    public const string Namespace = "demo";

    /// <summary>The instance status field that holds the WordPress Service's address.</summary>
    public const string AddressField = "wordpressSvcIP";

    /// <summary>The embedded file names, as in <c>config/samples/</c>.</summary>
    public const string RgdFile = "osok_kro_demo_rgd.yaml";

    public const string InstanceFile = "osok_kro_demo.yaml";

    private DemoWalkthrough(UnstructuredObject rgd, UnstructuredObject instance)
    {
        Rgd = rgd;
        Instance = instance;
    }

    public UnstructuredObject Rgd { get; }

    public UnstructuredObject Instance { get; }

    /// <summary>The RGD's name (<c>osok-kro-demo</c>).</summary>
    public string RgdName => Rgd.Metadata.Name;

    /// <summary>The instance's name.</summary>
    public string InstanceName => Instance.Metadata.Name;

    /// <summary>The walkthrough as embedded in this binary.</summary>
    public static DemoWalkthrough Embedded() => Parse(ReadResource(RgdFile), ReadResource(InstanceFile));

    /// <summary>A walkthrough from the two files' text (one document each).</summary>
    public static DemoWalkthrough Parse(string rgdYaml, string instanceYaml)
    {
        var rgd = Single(rgdYaml, RgdFile);
        var instance = Single(instanceYaml, InstanceFile);
        if (instance.Metadata.NamespaceProperty != Namespace)
        {
            throw new FormatException($"{InstanceFile}: the instance must live in namespace {Namespace}, not '{instance.Metadata.NamespaceProperty}'.");
        }

        return new DemoWalkthrough(rgd, instance);
    }

    /// <summary>The text of an embedded file.</summary>
    public static string ReadResource(string file)
    {
        var name = $"{typeof(DemoWalkthrough).Namespace}.{file}";
        using var stream = typeof(DemoWalkthrough).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the binary does not embed {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static UnstructuredObject Single(string yaml, string file)
    {
        return YamlToJson.Parse(yaml) is JsonObject only && only["metadata"]?["name"] is not null
            ? new UnstructuredObject(only)
            : throw new FormatException($"{file}: expected one object with a name.");
    }
}
