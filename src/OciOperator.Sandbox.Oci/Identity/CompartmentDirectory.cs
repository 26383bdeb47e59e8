using System.Collections.Concurrent;

namespace OciOperator.Sandbox.Oci.Identity;

/// <summary>
/// The compartments of the emulated tenancy: the root compartment (the tenancy OCID itself), the example compartment
/// of the walkthrough, <c>config/samples</c> and the seed fixtures, the emulated instance's own compartment, and any
/// a test adds. A MySQL or identity call naming any other compartment is answered as OCI does: 404
/// <c>NotAuthorizedOrNotFound</c>. Thread-safe; compartments are only ever added.
/// </summary>
internal sealed class CompartmentDirectory
{
    /// <summary>The example compartment OCID of the seed walkthrough, <c>config/samples</c> and <c>fixtures/seed</c>.</summary>
    public const string SampleCompartmentId = "ocid1.compartment.oc1..exampleuniqueID";

    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly Func<string?> _instanceCompartment;

    /// <param name="tenancyId">The tenancy OCID, which is also its root compartment's.</param>
    /// <param name="seeded">Further compartments the tenancy starts with.</param>
    /// <param name="instanceCompartment">The emulated instance's compartment once its identity exists (made on first use), else null.</param>
    public CompartmentDirectory(string tenancyId, IEnumerable<string> seeded, Func<string?> instanceCompartment)
    {
        _instanceCompartment = instanceCompartment;
        _known[tenancyId] = 0;
        _known[SampleCompartmentId] = 0;
        foreach (var id in seeded)
        {
            Add(id);
        }
    }

    /// <summary>Every compartment OCID known now (the instance's included once it exists), ordinal order.</summary>
    public IReadOnlyList<string> All =>
        [.. _known.Keys.Concat(_instanceCompartment() is { } own ? [own] : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Adds a compartment; adding one that exists is a no-op.</summary>
    public void Add(string compartmentId)
    {
        if (Problem(compartmentId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(compartmentId));
        }

        _known[compartmentId] = 0;
    }

    public bool Contains(string compartmentId) =>
        _known.ContainsKey(compartmentId) || string.Equals(_instanceCompartment(), compartmentId, StringComparison.Ordinal);

    /// <summary>Why <paramref name="compartmentId"/> cannot name a compartment, or null.</summary>
    public static string? Problem(string? compartmentId) =>
        string.IsNullOrWhiteSpace(compartmentId) || !(compartmentId.StartsWith("ocid1.compartment.", StringComparison.Ordinal) || compartmentId.StartsWith("ocid1.tenancy.", StringComparison.Ordinal))
            ? $"'{compartmentId}' is not a compartment OCID (ocid1.compartment.… or a tenancy's ocid1.tenancy.…)."
            : null;
}
