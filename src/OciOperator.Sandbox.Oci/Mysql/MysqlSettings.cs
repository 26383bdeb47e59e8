namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>What the emulated MySQL service takes from the emulator's options.</summary>
/// <param name="Region">The region identifier, e.g. <c>us-ashburn-1</c>.</param>
/// <param name="TenancyId">The tenancy OCID (its availability-domain prefix derives from it).</param>
/// <param name="TimeProvider">The clock of lifecycle transitions and work requests.</param>
/// <param name="CreateDelay">How long CREATING lasts.</param>
/// <param name="UpdateDelay">How long UPDATING lasts.</param>
/// <param name="DeleteDelay">How long DELETING lasts.</param>
/// <param name="Compartments">The tenancy's compartments: creates and lists elsewhere get 404.</param>
internal sealed record MysqlSettings(string Region, string TenancyId, TimeProvider TimeProvider, TimeSpan CreateDelay, TimeSpan UpdateDelay, TimeSpan DeleteDelay, Identity.CompartmentDirectory Compartments);
