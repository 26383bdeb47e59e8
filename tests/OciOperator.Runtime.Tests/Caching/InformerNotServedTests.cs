using System.Collections.Concurrent;
using System.Net;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Moq;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Caching;

public sealed class InformerNotServedTests
{
    [Test]
    public async Task Run_ResourceNotServed_WarnsThatTheCrdMayBeMissingAndKeepsRetrying()
    {
        var widgets = new ResourceType("example.com", "v1", "Widget", "widgets");
        var api = new Mock<IKubeApi>();
        var lists = 0;
        api.Setup(a => a.ListAsync<V1ConfigMap>(widgets, It.IsAny<ListOptions>(), It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref lists))
            .ThrowsAsync(new KubeApiException(HttpStatusCode.NotFound, null, "the server could not find the requested resource"));
        var logger = new ListLogger();
        var informer = new Informer<V1ConfigMap>(widgets, api.Object, new InformerOptions { MaxBackoff = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, logger);
        using var cts = new CancellationTokenSource();

        var run = informer.RunAsync(cts.Token);
        await Eventually.WaitAsync(() => Volatile.Read(ref lists) >= 2, "retried after the 404");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(informer.HasSynced, Is.False);
        Assert.That(logger.Lines, Has.Some.Contains("does not serve widgets.v1.example.com").And.Contains("CustomResourceDefinition of Widget installed"));
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));
    }
}
