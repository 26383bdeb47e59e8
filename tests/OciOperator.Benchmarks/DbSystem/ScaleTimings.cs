using OciOperator.Mysql.Controllers;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>
/// Real-world durations divided by one factor, so a run takes seconds instead of hours while the ratio between OCI's
/// work and the controller's polling stays what it is in production. OCI takes roughly 10 minutes to create a MySQL DB
/// system and 5 to delete one; the controller's polling and resync are its defaults (<see cref="DbSystemControllerOptions"/>).
/// </summary>
internal sealed record ScaleTimings(double Factor)
{
    /// <summary>What a real CreateDbSystem takes (CREATING → ACTIVE), as assumed here.</summary>
    public static readonly TimeSpan RealCreate = TimeSpan.FromMinutes(10);

    /// <summary>What a real DeleteDbSystem takes (DELETING → DELETED), as assumed here.</summary>
    public static readonly TimeSpan RealDelete = TimeSpan.FromMinutes(5);

    /// <summary>What a real UpdateDbSystem takes (UPDATING → ACTIVE), as assumed here.</summary>
    public static readonly TimeSpan RealUpdate = TimeSpan.FromMinutes(5);

    private static readonly DbSystemControllerOptions Defaults = new();

    public TimeSpan CreateDelay => Scale(RealCreate);

    public TimeSpan DeleteDelay => Scale(RealDelete);

    public TimeSpan UpdateDelay => Scale(RealUpdate);

    public TimeSpan PollInitialInterval => Scale(Defaults.PollInitialInterval);

    public TimeSpan PollMaxInterval => Scale(Defaults.PollMaxInterval);

    /// <summary>The default resync period (10 minutes), scaled.</summary>
    public TimeSpan ResyncPeriod => Scale(Defaults.ResyncPeriod);

    public TimeSpan PermanentErrorRetry => Scale(Defaults.PermanentErrorRetry);

    /// <summary>The controller's default resync period, unscaled.</summary>
    public static TimeSpan DefaultResyncPeriod => Defaults.ResyncPeriod;

    /// <summary>The controller's default concurrency.</summary>
    public static int DefaultMaxConcurrentReconciles => Defaults.MaxConcurrentReconciles;

    /// <summary>A scaled duration back in real time.</summary>
    public TimeSpan Unscale(TimeSpan scaled) => scaled * Factor;

    private TimeSpan Scale(TimeSpan real) => real / Factor;
}
