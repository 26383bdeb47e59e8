using k8s;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Runtime.Client;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// A compartment that does not exist, met where a crash left a create unconfirmed (status says a create was requested,
/// no OCID): OCI answers the ownership search (ListDbSystems) with 404 NotAuthorizedOrNotFound. Nothing can exist in
/// such a compartment, so the reconciler does not retry the search in a loop: it ends Failed with OCI's message, one
/// Warning Event and a bounded number of OCI calls. (Deleting it keeps the finalizer while the search answers 404, as
/// OSOK does: a 404 there may also be a missing IAM policy hiding a DB system that exists.)
/// </summary>
[NonParallelizable]
public sealed class DbSystemUnknownCompartmentTests
{
    private const string Missing = "ocid1.compartment.oc1..aaaalostcompartment";

    [Test]
    public async Task Reconcile_UnconfirmedCreateInCompartmentThatDoesNotExist_FailedWithOcisMessageOnceNoHotLoop()
    {
        await using var env = await DbSystemEnvironment.StartAsync(new EnvironmentOptions { PermanentErrorRetry = TimeSpan.FromMinutes(5) });
        await env.CreateNamespaceAsync("lost");
        await env.CreateAdminSecretAsync("lost", "admin-secret", "admin", "Str0ng-Passw0rd!");
        var draft = DbSystemEnvironment.NewDbSystem("lost", "db", customize: s => s with { CompartmentId = Missing });
        draft.Metadata.Finalizers = [DbSystemAnnotations.Finalizer];
        var created = await env.CreateAsync(draft);
        using (var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = env.Kube.BaseAddress.ToString() }))
        {
            // What a process killed right after recording the create request (and before OCI answered) leaves behind.
            created.Status = new DbSystemStatus { Status = new OsokStatus { RequestedAt = DateTimeOffset.UtcNow } };
            await new KubeApiClient(kubernetes).ReplaceAsync(DbSystemReconciler.Type, created, status: true, CancellationToken.None);
        }

        await env.StartOperatorAsync();
        var failed = await env.WaitForAsync("lost", "db", d => DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Failed, "failed");
        // Bounded settle for a negative assertion (a hot loop would call OCI again within milliseconds).
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var calls = env.Oci.Calls.Count("ListDbSystems") + env.Oci.Calls.Count("CreateDbSystem");

        Assert.That(failed.Status!.Status.Message, Does.Contain("404 NotAuthorizedOrNotFound: Authorization failed or requested resource not found"));
        Assert.That(calls, Is.InRange(1, 3), "one search (and at most one create) per attempt:\n" + string.Join("\n", env.Oci.Calls.All));
        var events = await env.EventsAsync("lost", "db");
        Assert.That(events.Count(e => e.Type == "Warning" && e.Reason == DbSystemConditionReason.OciRequestFailed), Is.EqualTo(1), "one Warning Event: " + string.Join("\n", events.Select(e => $"{e.Type} {e.Reason}: {e.Message}")));
        Assert.That(env.Oci.DbSystems, Is.Empty);
    }
}
