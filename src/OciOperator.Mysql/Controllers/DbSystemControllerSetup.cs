using DbSystem = OciOperator.Mysql.Api.DbSystem;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Secrets;
using OciOperator.Oci.Identity;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Mysql.Controllers;

/// <summary>
/// Wires the DbSystem controller: DbSystems (spec, annotation and deletion changes — not our own status writes, except
/// the one a reconcile that found the cache behind it waits for),
/// the endpoint Secrets it owns, and the admin Secrets DbSystems reference (a new or changed Secret reconciles every
/// DbSystem naming it, so a created Secret or a rotated password takes effect at once).
/// </summary>
public sealed class DbSystemControllerSetup(
    IMysqlDbSystemClient oci,
    IIdentityClient identity,
    DbSystemControllerOptions options,
    DbSystemMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IControllerSetup
{
    /// <summary>The controller's name (metrics label, logs, Event source).</summary>
    public const string Name = "dbsystem";

    /// <summary>Index of DbSystems by the <c>namespace/name</c> of each admin Secret they reference.</summary>
    public const string AdminSecretIndex = "admin-secret";

    private static readonly EventPredicate<DbSystem> DeletionChanged =
        new(Update: (o, n) => o.Metadata?.DeletionTimestamp != n.Metadata?.DeletionTimestamp);

    // Our finalizer removed by someone else: put it back. Our own add is not a reason to reconcile again.
    private static readonly EventPredicate<DbSystem> FinalizersChanged =
        new(Update: (o, n) => Finalizers.Has(o, DbSystemAnnotations.Finalizer) && !Finalizers.Has(n, DbSystemAnnotations.Finalizer));

    public void Setup(ControllerManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var informerOptions = new InformerOptions { Namespace = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace };
        var dbSystems = manager.Cache.GetInformer<DbSystem>(DbSystemReconciler.Type, informerOptions);
        dbSystems.AddIndexer(AdminSecretIndex, AdminSecretKeys);
        var secrets = manager.Cache.GetInformer<V1Secret>(EndpointSecretWriter.SecretType, informerOptions);
        var freshness = new StaleReadGuard();
        // The update a reconcile that found the cache behind its own write waits for (see DbSystemReconciler).
        var cacheCaughtUp = new EventPredicate<DbSystem>(Update: (_, n) => freshness.CaughtUp(n.Metadata?.NamespaceProperty, n.Metadata?.Name ?? string.Empty, n.Metadata?.ResourceVersion));
        var events = new EventRecorder(manager.Api, "oci-operator-" + Name, Environment.MachineName, time, loggerFactory.CreateLogger<EventRecorder>());
        var reconciler = new DbSystemReconciler(
            manager.Api,
            dbSystems,
            new AdminCredentialReader(secrets),
            oci,
            new AvailabilityDomainResolver(identity, time),
            events,
            new EndpointSecretWriter(manager.Api, secrets),
            new PasswordFingerprints(),
            options,
            metrics,
            time,
            loggerFactory.CreateLogger<DbSystemReconciler>(),
            freshness);
        manager.NewController<DbSystem>(Name, DbSystemReconciler.Type)
            .WithInformerOptions(informerOptions)
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = options.MaxConcurrentReconciles })
            .WithEventFilter(Predicates.Or(
                Predicates.GenerationChanged<DbSystem>(),
                Predicates.AnnotationsChanged<DbSystem>(),
                DeletionChanged,
                FinalizersChanged,
                cacheCaughtUp))
            .Owns<V1Secret>(EndpointSecretWriter.SecretType)
            .Watches<V1Secret>(
                EndpointSecretWriter.SecretType,
                secret => dbSystems
                    .ByIndex(AdminSecretIndex, Informer<V1Secret>.KeyOf(secret.Metadata.NamespaceProperty, secret.Metadata.Name))
                    .Select(d => new ReconcileRequest(d.Metadata.NamespaceProperty, d.Metadata.Name)),
                Predicates.ResourceVersionChanged<V1Secret>())
            .Complete(reconciler);
    }

    private static IEnumerable<string> AdminSecretKeys(DbSystem dbSystem)
    {
        var ns = dbSystem.Metadata.NamespaceProperty;
        var names = new[] { dbSystem.Spec?.AdminUsername?.Secret?.SecretName, dbSystem.Spec?.AdminPassword?.Secret?.SecretName };
        return names.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).Select(n => Informer<V1Secret>.KeyOf(ns, n!));
    }
}
