using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// Caches token credentials, refreshing them (single-flight) when they expire within <c>buffer</c> of now or after a
/// 401. The key+token pair is one immutable object swapped atomically.
/// </summary>
public sealed class RefreshingCredentials(
    Func<CancellationToken, Task<TokenCredentials>> fetch,
    TimeProvider timeProvider,
    TimeSpan buffer) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TokenCredentials? _current;

    /// <summary>The latest credentials obtained (null before the first fetch).</summary>
    public TokenCredentials? Current => _current;

    /// <summary>How many times credentials were fetched.</summary>
    public int FetchCount { get; private set; }

    /// <summary>Returns valid credentials, fetching new ones when needed.</summary>
    public async ValueTask<TokenCredentials> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && !NeedsRefresh(current))
        {
            return current;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            current = _current;
            if (current is not null && !NeedsRefresh(current))
            {
                return current;
            }

            return await FetchLockedAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forces a refresh unless another caller already replaced <paramref name="rejected"/>.</summary>
    public async ValueTask<bool> RefreshAsync(SigningCredentials rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current.Credentials, rejected) && !NeedsRefresh(current))
            {
                return true;
            }

            await FetchLockedAsync(ct).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private bool NeedsRefresh(TokenCredentials credentials) => credentials.ExpiresAt - buffer <= timeProvider.GetUtcNow();

    private async Task<TokenCredentials> FetchLockedAsync(CancellationToken ct)
    {
        var fresh = await fetch(ct).ConfigureAwait(false);
        FetchCount++;
        _current = fresh;
        return fresh;
    }
}
