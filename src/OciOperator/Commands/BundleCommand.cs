using System.CommandLine;
using OciOperator.Bundle;

namespace OciOperator.Commands;

/// <summary><c>oci-operator bundle generate</c>: the OLM bundle from <c>config/</c> (for maintainers; needs kubectl).</summary>
internal static class BundleCommand
{
    public static Command Create() => new("bundle", "OLM bundle tools for maintainers of this repository.")
    {
        Generate(),
    };

    private static Command Generate()
    {
        var config = new Option<string>("--config") { Description = "The kustomize tree to read.", DefaultValueFactory = _ => "config" };
        var output = new Option<string>("--output", "-o") { Description = "The bundle directory to write.", DefaultValueFactory = _ => "bundle" };
        var kubectl = new Option<string>("--kubectl") { Description = "The kubectl used for `kubectl kustomize`.", DefaultValueFactory = _ => "kubectl" };
        var command = new Command("generate", """
            Generate the registry+v1 bundle from config/: the ClusterServiceVersion (version and name from the image
            tag in config/manager, the Deployment and RBAC of config/default, alm-examples from config/samples,
            descriptions from config/manifests/bases), the CRDs of config/crd byte for byte, metadata/annotations.yaml,
            tests/scorecard/config.yaml and bundle.Dockerfile. Files of manifests/, metadata/ and tests/scorecard/
            that are no longer generated are removed. Run it from the repository root after changing config/:
              oci-operator bundle generate
            """)
        {
            config,
            output,
            kubectl,
        };
        command.SetAction(async (parse, ct) =>
            await RunAsync(parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(kubectl)!, Console.Out, Console.Error, ct).ConfigureAwait(false));
        return command;
    }

    /// <summary>Generates and writes the bundle; 0 on success, 1 (every problem printed) otherwise.</summary>
    public static async Task<int> RunAsync(string config, string output, string kubectl, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        BundleSources sources;
        try
        {
            sources = await BundleSources.LoadAsync(config, new Kustomize(kubectl), ct).ConfigureAwait(false);
        }
        catch (BundleSourceException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        var result = BundleGenerator.Generate(sources);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync("error: " + error).ConfigureAwait(false);
            }

            return 1;
        }

        var removed = await BundleWriter.WriteAsync(output, result.Files, ct).ConfigureAwait(false);
        foreach (var path in removed)
        {
            await stdout.WriteLineAsync($"removed {path}").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"wrote {result.Files.Count} files to {output}").ConfigureAwait(false);
        return 0;
    }
}
