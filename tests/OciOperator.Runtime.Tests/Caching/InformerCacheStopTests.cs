using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Caching;

public sealed class InformerCacheStopTests
{
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");

    [Test, Repeat(20)]
    public async Task DisposeAsync_RacingWithRemoveAndAnotherDispose_StopsOnceWithoutError()
    {
        var api = new ScriptedKubeApi();
        var cache = new InformerCache(api, TimeProvider.System, NullLoggerFactory.Instance);
        var informer = cache.GetInformer<V1ConfigMap>(ConfigMaps);
        using var cts = new CancellationTokenSource();
        cache.Start(cts.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var stops = new[]
        {
            Task.Run(async () => await cache.DisposeAsync()),
            Task.Run(async () => await cache.DisposeAsync()),
            Task.Run(() => cache.RemoveInformerAsync<V1ConfigMap>(ConfigMaps)),
        };

        Assert.That(async () => await Task.WhenAll(stops).WaitAsync(TimeSpan.FromSeconds(10)), Throws.Nothing);
    }
}
