using OciOperator.Sandbox.Oci.Mysql;

namespace OciOperator.Sandbox.Oci;

/// <summary>
/// Out-of-band changes to a DB system, as if someone edited it in the console: each takes effect at once, without a
/// work request, and bumps <c>timeUpdated</c> and the ETag like a real update. Values are validated like
/// UpdateDbSystem (an invalid one throws <see cref="ArgumentException"/> with OCI's message); an unknown id throws
/// <see cref="ArgumentException"/>, and a DELETING or DELETED DB system <see cref="InvalidOperationException"/>.
/// </summary>
public sealed partial class OciEmulator
{
    /// <summary>Renames the DB system.</summary>
    public EmulatedDbSystem SetDisplayName(string id, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return ChangeDbSystemOutOfBand(id, d => d with { DisplayName = displayName });
    }

    /// <summary>Sets (or, with null, clears) the description.</summary>
    public EmulatedDbSystem SetDescription(string id, string? description) =>
        ChangeDbSystemOutOfBand(id, d => d with { Description = description });

    /// <summary>Replaces the freeform tags.</summary>
    public EmulatedDbSystem SetFreeformTags(string id, IReadOnlyDictionary<string, string> freeformTags)
    {
        ArgumentNullException.ThrowIfNull(freeformTags);
        var copy = new Dictionary<string, string>(freeformTags, StringComparer.Ordinal);
        return ChangeDbSystemOutOfBand(id, d => d with { FreeformTags = copy });
    }

    /// <summary>Replaces the defined tags (namespace → key → value).</summary>
    public EmulatedDbSystem SetDefinedTags(string id, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> definedTags)
    {
        ArgumentNullException.ThrowIfNull(definedTags);
        var copy = definedTags.ToDictionary(
            n => n.Key, n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(n.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        return ChangeDbSystemOutOfBand(id, d => d with { DefinedTags = copy });
    }

    /// <summary>Changes the data storage size (50–131072 GB, like UpdateDbSystem).</summary>
    public EmulatedDbSystem SetDataStorageSize(string id, int dataStorageSizeInGBs) =>
        ChangeDbSystemOutOfBand(id, d => d with { DataStorageSizeInGBs = dataStorageSizeInGBs });

    /// <summary>
    /// The general form: <paramref name="change"/> receives the current snapshot and returns the desired one (usually
    /// with a <c>with</c> expression); every field it changed is stored. Any field UpdateDbSystem can change may change,
    /// plus <see cref="EmulatedDbSystem.LifecycleDetails"/>; <see cref="EmulatedDbSystem.Id"/>, compartment, timestamps,
    /// ETag, password-change count and lifecycle state (see <see cref="SetLifecycleState"/>) may not. A change that alters
    /// nothing leaves the ETag as it was. Returns the new snapshot.
    /// </summary>
    public EmulatedDbSystem ChangeDbSystemOutOfBand(string id, Func<EmulatedDbSystem, EmulatedDbSystem> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(change);
        return _mysql.ChangeOutOfBand(id, change) ?? throw new ArgumentException($"No emulated DbSystem has the id '{id}'.", nameof(id));
    }
}
