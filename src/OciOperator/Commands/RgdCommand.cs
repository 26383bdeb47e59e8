using System.CommandLine;

namespace OciOperator.Commands;

/// <summary><c>oci-operator rgd validate|render</c>: offline tools for ResourceGraphDefinitions (no cluster needed).</summary>
internal static class RgdCommand
{
    public static Command Create() => new("rgd", "ResourceGraphDefinition tools that work offline, without a cluster.")
    {
        Validate(),
        Render(),
    };

    private static Command Validate()
    {
        var files = new Argument<string[]>("file") { Description = "YAML or JSON files with ResourceGraphDefinitions (and optionally CRDs).", Arity = ArgumentArity.OneOrMore }.RejectingFlags();
        var crds = CrdOption();
        var command = new Command("validate", """
            Check ResourceGraphDefinitions: SimpleSchema, resource ids, templates, the dependency graph and every CEL
            expression's types, against the built-in kinds, the operator's own CRDs (DbSystem) and the CRDs given.
            Prints each error with its resource id and path and exits 1; prints the topological order and exits 0 when valid.

            Examples:
              oci-operator rgd validate osok_kro_demo_rgd.yaml
              oci-operator rgd validate app-rgd.yaml --crd config/crd/bases/mysql.oracle.com_dbsystems.yaml
              oci-operator rgd validate rgds/*.yaml --crd crds/vpc.yaml --crd crds/subnet.yaml
            """)
        {
            files,
            crds,
        };
        command.SetAction(parse => RgdValidateTool.Run(parse.GetValue(files) ?? [], parse.GetValue(crds) ?? [], Console.Out, Console.Error));
        return command;
    }

    private static Command Render()
    {
        var file = new Argument<string>("file") { Description = "The ResourceGraphDefinition (YAML or JSON)." }.RejectingFlags();
        var instance = new Option<string>("--instance") { Description = "An instance of the RGD's kind (YAML or JSON).", Required = true };
        var format = new Option<string>("--output", "-o") { Description = "yaml (default) or json.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var crds = CrdOption();
        var command = new Command("render", """
            Print the instance CRD and the objects an instance would produce, in creation order, with spec defaults
            applied and includeWhen/forEach evaluated. Fields that need a value only a cluster has (another resource's
            status, an external object) keep their ${...} text and are listed as "waits".

            Examples:
              oci-operator rgd render osok_kro_demo_rgd.yaml --instance osok_kro_demo.yaml
              oci-operator rgd render app-rgd.yaml --instance my-app.yaml -o json
            """)
        {
            file,
            instance,
            format,
            crds,
        };
        command.SetAction(parse => RgdRenderTool.Run(
            parse.GetValue(file)!, parse.GetValue(instance)!, parse.GetValue(format) ?? "yaml", parse.GetValue(crds) ?? [], Console.Out, Console.Error));
        return command;
    }

    private static Option<string[]> CrdOption() => new("--crd")
    {
        Description = "A file with CustomResourceDefinitions for kinds the RGD uses. Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
