using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Oci;

/// <summary>Settings of the OCI emulator. Every duration is driven by <see cref="TimeProvider"/>.</summary>
public sealed class OciEmulatorOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port.</summary>
    public int Port { get; init; }

    public string Region { get; init; } = "us-ashburn-1";

    public string TenancyId { get; init; } = "ocid1.tenancy.oc1..aaaaemulatortenancy";

    /// <summary>
    /// Compartment OCIDs the tenancy has besides its root (the tenancy OCID) and the walkthrough's example compartment
    /// (<see cref="OciEmulator.SampleCompartmentId"/>), which are always there. A call naming any other compartment gets
    /// OCI's 404 <c>NotAuthorizedOrNotFound</c>; <see cref="OciEmulator.AddCompartment"/> adds one at run time.
    /// </summary>
    public IReadOnlyList<string> Compartments { get; init; } = [];

    /// <summary>CREATING → ACTIVE.</summary>
    public TimeSpan CreateDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>UPDATING → ACTIVE.</summary>
    public TimeSpan UpdateDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>DELETING → DELETED.</summary>
    public TimeSpan DeleteDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Lifetime of the session tokens (JWTs) issued by federation and the OKE proxy.</summary>
    public TimeSpan SessionTokenLifetime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Largest accepted difference between a request's date and the emulator's clock.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Make the identity material (the instance's certificate chain and key, the token-signing key) in the background
    /// as soon as the emulator starts, instead of on the first metadata or federation request: RSA key generation takes
    /// from a fraction of a second to seconds on a busy machine, which a real metadata and auth service never adds to
    /// the first DbSystem. Off by default, so that tests which never authenticate do not pay for it.
    /// </summary>
    public bool PrepareIdentity { get; init; }

    /// <summary>Where the emulator logs (rejected signatures, injected faults); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("Host must not be empty.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"Port {Port} is outside 0–65535.");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("Region must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(TenancyId) || !TenancyId.StartsWith("ocid1.tenancy.", StringComparison.Ordinal))
        {
            errors.Add("TenancyId must be a tenancy OCID (ocid1.tenancy....).");
        }

        foreach (var compartment in Compartments)
        {
            if (Identity.CompartmentDirectory.Problem(compartment) is { } problem)
            {
                errors.Add("Compartments: " + problem);
            }
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(CreateDelay), CreateDelay), (nameof(UpdateDelay), UpdateDelay),
                     (nameof(DeleteDelay), DeleteDelay),
                 })
        {
            if (value < TimeSpan.Zero)
            {
                errors.Add($"{name} must not be negative.");
            }
        }

        if (SessionTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add("SessionTokenLifetime must be positive.");
        }

        if (MaxClockSkew < TimeSpan.Zero)
        {
            errors.Add("MaxClockSkew must not be negative.");
        }

        return errors;
    }
}
