using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>The CRDs this project commits under <c>config/crd</c>, generated from code.</summary>
internal static class CommittedCrdFiles
{
    public const string UpdateVariable = "OCI_OPERATOR_UPDATE_CRDS";

    public const string RegenerateHint =
        "Regenerate with: " + UpdateVariable + "=1 dotnet test tests/OciOperator.Mysql.Tests --filter \"FullyQualifiedName~CommittedCrdTests\"";

    /// <summary>
    /// The header line of the committed files, kept verbatim from before the generator moved to OciOperator.Schemas so
    /// that the committed CRD (and the bundle and deploy manifests built from it) did not change with the move.
    /// </summary>
    public const string Header = "# Generated from the C# API types by OciOperator.Mysql.Crd.CustomResourceDefinitionGenerator. DO NOT EDIT.";

    public static IReadOnlyList<Type> ResourceTypes { get; } = [typeof(DbSystem)];

    public static string KustomizationPath => Path.Combine(RepositoryPaths.CrdDirectory, "kustomization.yaml");

    public static IEnumerable<(V1CustomResourceDefinition Crd, string Path, string Text)> Generated()
    {
        foreach (var type in ResourceTypes)
        {
            var crd = CustomResourceDefinitionGenerator.Generate(type);
            yield return (crd, Path.Combine(RepositoryPaths.CrdDirectory, "bases", CustomResourceDefinitionYaml.FileName(crd)), CustomResourceDefinitionYaml.Render(crd, Header));
        }
    }

    /// <summary>
    /// The kustomization listing every CRD file under <c>config/crd/bases</c> in ordinal order: this project's (generated
    /// here) and those other projects generate and drift-test (e.g. kro's RGD CRD, from OciOperator.ResourceGraph).
    /// </summary>
    public static string Kustomization()
    {
        var files = Generated().Select(g => System.IO.Path.GetFileName(g.Path))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.CrdDirectory, "bases"), "*.yaml").Select(System.IO.Path.GetFileName))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return "# The CRDs generated from the C# API types (see " + nameof(CustomResourceDefinitionYaml) + "). DO NOT EDIT.\n"
            + "resources:\n"
            + string.Concat(files.Select(f => $"  - bases/{f}\n"));
    }
}
