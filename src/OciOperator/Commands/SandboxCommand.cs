using System.CommandLine;
using k8s;
using Microsoft.Extensions.Logging;
using OciOperator.Demo;
using OciOperator.Hosting;

namespace OciOperator.Commands;

/// <summary><c>oci-operator sandbox</c>: the embedded default (local Kubernetes API, simulators, OCI emulator).</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig for the Sandbox API server.",
            DefaultValueFactory = _ => "./sandbox.kubeconfig",
        };
        var apiPort = OptionRules.Port("--api-port", "Port of the Sandbox Kubernetes API server on 127.0.0.1 (0 picks a free port).", 0);
        var ociPort = OptionRules.Port("--oci-port", "Port of the OCI emulator on 127.0.0.1 (0 picks a free port).", 0);
        var noSimulators = new Option<bool>("--no-simulators")
        {
            Description = "Do not simulate workloads (Jobs complete, Deployments become ready, LoadBalancers get an address).",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log what the Sandbox does." };
        var printRunEnv = new Option<bool>("--print-run-env")
        {
            Description = "Print the environment and command line of a separate `oci-operator run` against this Sandbox (combine with --controllers , to run the operator only there).",
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Apply the OSOK + kro walkthrough (config/samples/osok_kro_demo*.yaml, built in) and show its progress until WordPress has an IP.",
        };
        var delayOptions = new SandboxDelayOptions();
        var operatorOptions = new OperatorOptions("console");
        var command = new Command(
            "sandbox",
            "Run the Sandbox: an in-memory Kubernetes API server on loopback with workload simulators and an OCI emulator, plus a kubeconfig for kubectl.")
        {
            demo,
            kubeconfig,
            printRunEnv,
            apiPort,
            ociPort,
            noSimulators,
            verbose,
        };
        delayOptions.AddTo(command);
        operatorOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var start = TimeProvider.System.GetTimestamp();
            var runDemo = parse.GetValue(demo);
            var options = new LocalSandboxOptions
            {
                ApiPort = parse.GetValue(apiPort),
                OciPort = parse.GetValue(ociPort),
                Simulators = !parse.GetValue(noSimulators),
                Delays = delayOptions.Read(parse, runDemo),
            };
            var kubeconfigPath = Path.GetFullPath(parse.GetValue(kubeconfig)!);
            if (KubeconfigDirectory.WriteProblem(kubeconfigPath) is { } writeProblem)
            {
                await Console.Error.WriteLineAsync(writeProblem).ConfigureAwait(false);
                return 1;
            }

            using var kubeconfigLock = KubeconfigLock.TryAcquire(kubeconfigPath);
            if (kubeconfigLock is null)
            {
                await Console.Error.WriteLineAsync(
                    $"error: another Sandbox is running with kubeconfig {kubeconfigPath} (it holds {KubeconfigLock.LockPath(kubeconfigPath)}). Stop it, or give this one its own file with --kubeconfig.").ConfigureAwait(false);
                return 1;
            }

            var settings = operatorOptions.Read(parse);
            if (runDemo && DemoRequirements.Check(settings, options) is { } demoError)
            {
                await Console.Error.WriteLineAsync(demoError).ConfigureAwait(false);
                return UsageError.ExitCode;
            }

            if (runDemo && settings.LogLevel is null && !parse.GetValue(verbose))
            {
                // The demo's progress is the story; the operator's warnings would interleave with it.
                settings = settings with { LogLevel = LogLevel.Error };
            }

            var checks = new[]
            {
                SandboxPorts.CheckExplicit("--api-port", options.ApiPort),
                SandboxPorts.CheckExplicit("--oci-port", options.OciPort),
            };
            var metrics = SandboxPorts.Resolve("--metrics-bind-address", settings.MetricsBindAddress, operatorOptions.MetricsGiven(parse), out var metricsNote, out var metricsError);
            var probes = SandboxPorts.Resolve("--health-probe-bind-address", settings.HealthProbeBindAddress, operatorOptions.ProbesGiven(parse), out var probesNote, out var probesError);
            if (checks.Append(metricsError).Append(probesError).FirstOrDefault(e => e is not null) is { } portError)
            {
                await Console.Error.WriteLineAsync(portError).ConfigureAwait(false);
                return UsageError.ExitCode;
            }

            foreach (var note in new[] { metricsNote, probesNote }.OfType<string>())
            {
                await Console.Out.WriteLineAsync(note).ConfigureAwait(false);
            }

            settings = settings with { MetricsBindAddress = metrics!, HealthProbeBindAddress = probes! };
            var demoStart = runDemo ? start : (long?)null;
            return await RunAsync(options, settings, parse.GetValue(kubeconfig)!, parse.GetValue(verbose), parse.GetValue(printRunEnv), demoStart, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(LocalSandboxOptions options, OperatorSettings operatorSettings, string kubeconfigPath, bool verbose, bool printRunEnv, long? demoStart, CancellationToken outer)
    {
        // Ctrl-C / SIGTERM is a normal way to stop the Sandbox: exit 0, not System.CommandLine's 130.
        using var signals = new ShutdownSignals(outer);
        var ct = signals.Token;
        using var loggerFactory = LoggerFactory.Create(logging => OperatorHost.ConfigureLogging(logging, operatorSettings, verbose));
        var output = Console.Out;

        LocalSandbox sandbox;
        try
        {
            sandbox = await LocalSandbox.StartAsync(options, loggerFactory, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: the Sandbox could not listen: {e.Message}. Choose another --api-port/--oci-port, or 0 for a free one.").ConfigureAwait(false);
            return UsageError.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }

        await using (sandbox.ConfigureAwait(false))
        {
            try
            {
                await sandbox.Kube.WriteKubeconfigAsync(Path.GetFullPath(kubeconfigPath), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync(KubeconfigDirectory.Describe(kubeconfigPath, e)).ConfigureAwait(false);
                return 1;
            }

            var kubernetes = new KubernetesClientConfiguration { Host = sandbox.Kube.BaseAddress.ToString() };
            using (var client = new Kubernetes(kubernetes))
            {
                await CrdInstaller.InstallAsync(client, ct).ConfigureAwait(false);
            }

            // The operator talks to the emulator as it would to OCI from an OCI instance: instance principal through
            // the emulator's metadata service and federation endpoint; the emulator is local, so poll as often as its
            // CREATING phase is short.
            operatorSettings = operatorSettings with
            {
                OciAuthMode = operatorSettings.OciAuthMode ?? "instance_principal",
                OciMysqlEndpoint = operatorSettings.OciMysqlEndpoint ?? sandbox.Oci.MySqlEndpoint,
                OciMetadataBaseUrl = sandbox.Oci.InstanceMetadataEndpoint,
                OciFederationEndpoint = sandbox.Oci.FederationEndpoint,
                DbSystemPollInterval = operatorSettings.DbSystemPollInterval ?? options.Delays.DbSystemPollInterval(),
            };
            if (printRunEnv)
            {
                await output.WriteLineAsync(RunEnvironment(Path.GetFullPath(kubeconfigPath), sandbox, operatorSettings)).ConfigureAwait(false);
            }

            var host = await OperatorRun.StartAsync(operatorSettings, kubernetes, verbose, Console.Error, ct).ConfigureAwait(false);
            if (host is null)
            {
                return ct.IsCancellationRequested ? 0 : 1;
            }

            await output.WriteLineAsync($"Sandbox Kubernetes API ready at {sandbox.Kube.BaseAddress} (kubeconfig: {kubeconfigPath})").ConfigureAwait(false);
            await output.WriteLineAsync($"OCI emulator at {sandbox.Oci.BaseAddress} (region {sandbox.Oci.Region}, MySQL API {sandbox.Oci.MySqlEndpoint})").ConfigureAwait(false);
            await output.WriteLineAsync($"Workload simulators: {(sandbox.Simulators is null ? "off" : "on")}").ConfigureAwait(false);
            await output.WriteLineAsync(OperatorRun.Describe(host, kubernetes)).ConfigureAwait(false);
            if (demoStart is null)
            {
                await output.WriteLineAsync($"Try: kubectl --kubeconfig {kubeconfigPath} get namespaces").ConfigureAwait(false);
                await output.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync("Demo: applying the OSOK + kro walkthrough in namespace demo (Ctrl-C stops).").ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            using var demoStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var demoRun = demoStart is { } started
                ? SandboxDemo.RunAsync(kubernetes, Path.GetFullPath(kubeconfigPath), started, loggerFactory, demoStop.Token)
                : Task.CompletedTask;
            var exitCode = await OperatorRun.RunUntilStoppedAsync(host, output, Console.Error, ct).ConfigureAwait(false);
            await demoStop.CancelAsync().ConfigureAwait(false);
            await demoRun.ConfigureAwait(false);
            await output.WriteLineAsync("Stopping the Sandbox.").ConfigureAwait(false);
            return exitCode;
        }
    }

    /// <summary>
    /// What a separate <c>oci-operator run</c> needs to use this Sandbox: its kubeconfig, the emulator's instance
    /// metadata and federation endpoints (instance principal auth, as on an OCI instance), the MySQL endpoint and the
    /// short poll interval, as shell lines to paste.
    /// </summary>
    private static string RunEnvironment(string kubeconfigPath, LocalSandbox sandbox, OperatorSettings settings)
    {
        var poll = (settings.DbSystemPollInterval ?? SandboxDelays.MaxPollInterval).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(
            Environment.NewLine,
            "# A separate operator against this Sandbox (start the Sandbox with --controllers , so only that one reconciles):",
            $"export KUBECONFIG={kubeconfigPath}",
            $"export OCI_METADATA_BASE_URL={sandbox.Oci.InstanceMetadataEndpoint.AbsoluteUri}",
            $"export OCI_SDK_AUTH_CLIENT_REGION_URL={sandbox.Oci.FederationEndpoint.AbsoluteUri}",
            $"oci-operator run --oci-auth-mode instance_principal --oci-mysql-endpoint {sandbox.Oci.MySqlEndpoint.AbsoluteUri} --dbsystem-poll-interval {poll} --metrics-bind-address 0 --health-probe-bind-address 0");
    }
}
