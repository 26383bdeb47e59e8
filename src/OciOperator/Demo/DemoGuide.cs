using System.Globalization;

namespace OciOperator.Demo;

/// <summary>
/// What the demo tells a person besides progress: the summary with the WordPress address and the kubectl commands
/// to look around (each runnable as printed), and, when something fails, what to look at and what to do.
/// </summary>
internal sealed class DemoGuide(string kubeconfigPath, DemoWalkthrough walkthrough)
{
    private const string SamplesFolder = "config/samples";

    /// <summary><c>kubectl</c> pointed at the Sandbox.</summary>
    public string Kubectl { get; } = $"kubectl --kubeconfig {ShellQuote(kubeconfigPath)}";

    /// <summary>The commands a person runs to look around once WordPress has its address.</summary>
    public IReadOnlyList<string> LookAroundCommands()
    {
        var rgd = walkthrough.RgdName;
        var kind = walkthrough.Instance.Kind;
        var name = walkthrough.InstanceName;
        var ns = DemoWalkthrough.Namespace;
        return
        [
            $"{Kubectl} get rgd {rgd}",
            $"{Kubectl} get {kind} -n {ns}",
            $"{Kubectl} get secrets,dbsystems,jobs,deployments,services -n {ns}",
            $"{Kubectl} describe {kind} {name} -n {ns}",
            $"{Kubectl} get {kind} {name} -n {ns} -o jsonpath='{{.status.{DemoWalkthrough.AddressField}}}'",
        ];
    }

    /// <summary>The paragraph printed when the instance reports the WordPress address.</summary>
    public IReadOnlyList<string> Summary(string address, TimeSpan elapsed) =>
    [
        string.Empty,
        string.Create(CultureInfo.InvariantCulture, $"WordPress IP: {address} (after {elapsed.TotalSeconds:0.0}s)"),
        $"The Sandbox keeps serving; its kubeconfig is {kubeconfigPath}. Look around:",
        .. LookAroundCommands().Select(command => "  " + command),
        "Press Ctrl-C to stop.",
    ];

    /// <summary>What went wrong with <paramref name="failed"/> and what to do about it.</summary>
    public IReadOnlyList<string> Problem(DemoSnapshot failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var why = failed.Message is { Length: > 0 } message ? message : "(no message)";
        var ns = DemoWalkthrough.Namespace;
        if (failed.Kind == walkthrough.Rgd.Kind)
        {
            return
            [
                $"The ResourceGraphDefinition {failed.Name} is {failed.State}: {why}",
                $"  See why:  {Kubectl} describe rgd {failed.Name}",
                $"  Then fix {SamplesFolder}/{DemoWalkthrough.RgdFile} and apply it: {Kubectl} apply -f {SamplesFolder}/{DemoWalkthrough.RgdFile}",
                "  The demo goes on when it is Active; the Sandbox keeps serving meanwhile.",
            ];
        }

        if (failed.Kind == walkthrough.Instance.Kind)
        {
            return
            [
                $"The {failed.Kind} {ns}/{failed.Name} is in {failed.State}: {why}",
                $"  See why:  {Kubectl} describe {failed.Kind} {failed.Name} -n {ns}",
                $"  Then fix {SamplesFolder}/{DemoWalkthrough.InstanceFile} and apply it: {Kubectl} apply -f {SamplesFolder}/{DemoWalkthrough.InstanceFile}",
                "  The engine retries on its own; the Sandbox keeps serving meanwhile.",
            ];
        }

        return
        [
            $"The {failed.Kind} {ns}/{failed.Name} failed ({failed.State}): {why}",
            $"  See why:  {Kubectl} describe {failed.Kind} {failed.Name} -n {ns}",
            $"  Events:   {Kubectl} get events -n {ns}",
            "  The Sandbox keeps serving; the controllers retry.",
        ];
    }

    /// <summary>The RGD or instance could not be applied at all (the API server refused it).</summary>
    public IReadOnlyList<string> ApplyFailed(string what, string file, string reason) =>
    [
        $"error: the {what} from {SamplesFolder}/{file} was not accepted: {reason}",
        $"  Try it by hand: {Kubectl} apply -f {SamplesFolder}/{file}",
        "  The Sandbox keeps serving; press Ctrl-C to stop.",
    ];

    private static string ShellQuote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '+' or ':' or '=' or ',')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
