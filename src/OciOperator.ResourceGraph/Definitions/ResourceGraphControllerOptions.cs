using System.ComponentModel.DataAnnotations;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>Settings of the RGD controller (section <c>ResourceGraph</c>; kro's flags where kro has them, kro.md §7.2).</summary>
public sealed class ResourceGraphControllerOptions
{
    public const string SectionName = "ResourceGraph";

    /// <summary><c>--allow-crd-deletion</c>: delete an RGD's instance CRD (and so its instances) when the RGD is deleted.</summary>
    public bool AllowCrdDeletion { get; set; }

    /// <summary>Workers of the RGD controller (kro's <c>--resource-graph-definition-concurrent-reconciles</c>).</summary>
    [Range(1, 64)]
    public int MaxConcurrentReconciles { get; set; } = 1;

    /// <summary>Workers of each instance kind's controller (kro's <c>--dynamic-controller-concurrent-reconciles</c>, which kro shares between all kinds).</summary>
    [Range(1, 256)]
    public int InstanceWorkers { get; set; } = 2;

    /// <summary>kro's <c>CELOmitFunction</c> feature gate.</summary>
    public bool EnableOmit { get; set; }

    /// <summary><c>--rgd-max-collection-dimension-size</c>.</summary>
    [Range(1, 64)]
    public int MaxForEachDimensions { get; set; } = 10;

    /// <summary>The first retry of an RGD waiting for CRDs (doubling up to <see cref="WaitingForCrdMaxDelay"/>); a new CRD retries at once.</summary>
    public TimeSpan WaitingForCrdDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan WaitingForCrdMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
