using System.CommandLine;
using OciOperator.Hosting;

namespace OciOperator.Commands;

/// <summary>The <c>sandbox</c> flags that set how long simulated work takes (see <see cref="SandboxDelays"/>).</summary>
internal sealed class SandboxDelayOptions
{
    private readonly Option<TimeSpan?> _dbSystemCreate = OptionRules.OptionalDuration(
        "--dbsystem-create-delay",
        "How long a new DbSystem stays CREATING in the OCI emulator (e.g. 5s; default 2s, 5s with --demo).");

    private readonly Option<TimeSpan?> _jobRun = OptionRules.OptionalDuration(
        "--job-duration",
        "How long a simulated Job runs before it succeeds (e.g. 3s; default 2s, 3s with --demo).");

    private readonly Option<TimeSpan?> _rollout = OptionRules.OptionalDuration(
        "--deployment-rollout-delay",
        "How long a simulated Deployment takes to become available (e.g. 2s; default 1s, 2s with --demo).");

    private readonly Option<TimeSpan?> _loadBalancer = OptionRules.OptionalDuration(
        "--load-balancer-delay",
        "How long a LoadBalancer Service waits for its simulated address (e.g. 2s; default 1s, 2s with --demo).");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_dbSystemCreate);
        command.Options.Add(_jobRun);
        command.Options.Add(_rollout);
        command.Options.Add(_loadBalancer);
    }

    /// <summary>The delays given on the command line, the demo's where none is given and <paramref name="demo"/> is set.</summary>
    public SandboxDelays Read(ParseResult parse, bool demo)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = new SandboxDelays
        {
            DbSystemCreate = parse.GetValue(_dbSystemCreate),
            JobRun = parse.GetValue(_jobRun),
            DeploymentRollout = parse.GetValue(_rollout),
            LoadBalancer = parse.GetValue(_loadBalancer),
        };
        return demo ? given.Or(SandboxDelays.Demo) : given;
    }
}
