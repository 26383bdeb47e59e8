using k8s;
using OciOperator.Runtime.Client;

namespace OciOperator.Hosting;

/// <summary>
/// Before the controllers start: the API server must serve the CRD of every kind a selected controller reconciles
/// (<c>dbsystems.mysql.oracle.com</c> for <c>dbsystem</c>, <c>resourcegraphdefinitions.kro.run</c> for <c>rgd</c>).
/// A missing one is looked for again during a grace period — an installer may apply the CRDs together with (or just
/// after) the operator, and the API server serves a new CRD only once it is established — and then reported in one
/// line that says what is missing, how to install it and how to run without it, instead of waiting for the cache-sync
/// timeout. Anything other than "not served" (the API server unreachable, forbidden) is left to the normal start,
/// which reports it.
/// </summary>
internal static class CrdPreflight
{
    /// <summary>How often discovery is read again while a CRD is missing.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The CRD each controller needs, where it is in the repository, and the controller list without it.</summary>
    public static readonly IReadOnlyList<RequiredCrd> Required =
    [
        new(OperatorSettings.DbSystemController, "mysql.oracle.com", "v1beta1", "dbsystems", "DbSystem", "config/crd/bases/mysql.oracle.com_dbsystems.yaml"),
        new(OperatorSettings.RgdController, "kro.run", "v1alpha1", "resourcegraphdefinitions", "ResourceGraphDefinition", "config/crd/bases/kro.run_resourcegraphdefinitions.yaml"),
    ];

    /// <summary>
    /// Null when every CRD the selected controllers need is served (at once or within <paramref name="grace"/>), or
    /// could not be checked; otherwise the one-line error to print.
    /// </summary>
    public static async Task<string?> CheckAsync(IKubeApi api, OperatorSettings settings, TimeSpan grace, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var needed = Required.Where(r => settings.Controllers.Contains(r.Controller, StringComparer.OrdinalIgnoreCase)).ToList();
        var started = time.GetTimestamp();
        while (true)
        {
            IReadOnlyList<RequiredCrd> missing;
            try
            {
                missing = await MissingAsync(api, needed, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or KubeApiException or IOException or TimeoutException && !ct.IsCancellationRequested)
            {
                // Not a missing CRD: the start that follows reports what is wrong with the API server.
                return null;
            }

            if (missing.Count == 0)
            {
                return null;
            }

            var waited = time.GetElapsedTime(started);
            if (waited >= grace)
            {
                return Describe(missing, settings, grace);
            }

            var pause = grace - waited < PollInterval ? grace - waited : PollInterval;
            await Task.Delay(pause, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The error line for CRDs that are not served after the grace period.</summary>
    public static string Describe(IReadOnlyList<RequiredCrd> missing, OperatorSettings settings, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(settings);
        var names = string.Join(" and ", missing.Select(m => $"{m.Plural}.{m.Group} ({m.Kind})"));
        var files = string.Join(" -f ", missing.Select(m => m.File));
        var others = settings.Controllers
            .Where(c => !missing.Any(m => string.Equals(m.Controller, c, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var without = others.Count > 0
            ? $", or run without {(missing.Count == 1 ? "that controller" : "those controllers")}: --controllers {string.Join(",", others)}"
            : string.Empty;
        var waited = grace > TimeSpan.Zero ? $" after waiting {grace.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s (--crd-wait-timeout)" : string.Empty;
        return $"error: the cluster does not serve the CRD {names}{waited}: install it with `kubectl apply -f {files}` (or apply deploy/oci-operator.yaml, which includes it){without}.";
    }

    private static async Task<IReadOnlyList<RequiredCrd>> MissingAsync(IKubeApi api, IReadOnlyList<RequiredCrd> needed, CancellationToken ct)
    {
        var missing = new List<RequiredCrd>();
        foreach (var crd in needed)
        {
            var resources = await api.GetApiResourcesAsync(crd.Group + "/" + crd.Version, ct).ConfigureAwait(false);
            if (resources?.Resources?.Any(r => r.Name == crd.Plural) != true)
            {
                missing.Add(crd);
            }
        }

        return missing;
    }

    /// <summary>A CRD a controller needs: its group, served version, plural and kind, and its file under <c>config/</c>.</summary>
    internal sealed record RequiredCrd(string Controller, string Group, string Version, string Plural, string Kind, string File);
}
