using OciOperator.Sandbox.Kube.Serialization;
using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>The seed RGD (<c>shared/fixtures/seed/osok_kro_demo_rgd.yaml</c>) parsed to JSON.</summary>
internal static class SeedRgd
{
    public static JsonObject Load() =>
        YamlToJson.Parse(File.ReadAllText(RepositoryPaths.InShared("fixtures/seed/osok_kro_demo_rgd.yaml")))!.AsObject();

    public static JsonNode Schema() => Load()["spec"]!["schema"]!;
}
