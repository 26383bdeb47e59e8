using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Caching;

/// <summary>
/// A fake at the API boundary for informer unit tests: lists return the current script, each watch drains
/// a channel of events the test pushes; completing a watch ends its stream.
/// </summary>
internal sealed class ScriptedKubeApi : IKubeApi
{
    private Channel<WatchEvent<V1ConfigMap>> _watch = Channel.CreateUnbounded<WatchEvent<V1ConfigMap>>();

    public List<V1ConfigMap> ListItems { get; set; } = [];

    public string ListResourceVersion { get; set; } = "1";

    /// <summary>Objects every list reports as undecodable.</summary>
    public List<DecodeFailure> ListUndecodable { get; set; } = [];

    /// <summary>Thrown by the next list instead of answering (then cleared).</summary>
    public Exception? NextListFailure { get; set; }

    public int Lists { get; private set; }

    public List<string> WatchedFrom { get; } = [];

    public void Push(WatchEventType type, V1ConfigMap? obj, string rv, V1Status? error = null) =>
        _watch.Writer.TryWrite(new WatchEvent<V1ConfigMap>(type, obj, rv, error));

    public void PushUndecodable(WatchEventType type, DecodeFailure failure) =>
        _watch.Writer.TryWrite(new WatchEvent<V1ConfigMap>(type, null, failure.ResourceVersion) { Undecodable = failure });

    /// <summary>Ends the current watch stream; the next watch gets a fresh channel.</summary>
    public void EndWatch()
    {
        var old = _watch;
        _watch = Channel.CreateUnbounded<WatchEvent<V1ConfigMap>>();
        old.Writer.TryComplete();
    }

    public Task<ResourceList<T>> ListAsync<T>(ResourceType type, ListOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Lists++;
        if (NextListFailure is { } failure)
        {
            NextListFailure = null;
            throw failure;
        }

        return Task.FromResult(new ResourceList<T>([.. ListItems.Cast<T>()], ListResourceVersion) { Undecodable = [.. ListUndecodable] });
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(ResourceType type, WatchOptions options, [EnumeratorCancellation] CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        WatchedFrom.Add(options.ResourceVersion);
        var channel = _watch;
        await foreach (var ev in channel.Reader.ReadAllAsync(ct))
        {
            yield return (WatchEvent<T>)(object)ev;
        }
    }

    public Task<T?> GetAsync<T>(ResourceType type, string? @namespace, string name, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<T> CreateAsync<T>(ResourceType type, T obj, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<T> ReplaceAsync<T>(ResourceType type, T obj, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<T> PatchAsync<T>(ResourceType type, string? @namespace, string name, PatchKind kind, string body, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<T> ApplyAsync<T>(ResourceType type, T obj, ApplyOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, CancellationToken ct) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, DeleteOptions options, CancellationToken ct) => throw new NotSupportedException();

    public Task<V1APIResourceList?> GetApiResourcesAsync(string groupVersion, CancellationToken ct) => throw new NotSupportedException();

    public Task<V1APIGroup?> GetApiGroupAsync(string group, CancellationToken ct) => throw new NotSupportedException();
}
