using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// Keeps the last token from an issuer until <see cref="RefreshMargin"/> before it expires, so the hot path of every
/// connector call is a field read. Only one refresh runs at a time; callers arriving meanwhile wait for its result.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim holds no OS handle unless AvailableWaitHandle is read, which it never is here.")]
internal sealed partial class CachedTokenSource : IAccessTokenProvider
{
    /// <summary>How long before expiry a token is replaced; covers clock drift and a request's time in flight.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>A token this close to expiry is not handed out even when a refresh fails.</summary>
    private static readonly TimeSpan MinimumRemainingLifetime = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task<IssuedToken>> _acquire;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private IssuedToken? _current;

    public CachedTokenSource(Func<CancellationToken, Task<IssuedToken>> acquire, TimeProvider timeProvider, ILogger logger)
    {
        _acquire = acquire;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current)
            ? ValueTask.FromResult<string?>(current.Value)
            : new ValueTask<string?>(RefreshAsync(cancellationToken));
    }

    private async Task<string?> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Volatile.Read(ref _current);
            if (current is not null && IsFresh(current))
            {
                return current.Value; // refreshed by the caller this one waited behind
            }

            try
            {
                var issued = await _acquire(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, issued);
                return issued.Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && current is not null && IsUsable(current))
            {
                // The issuer is having a bad moment but the old token still works: use it, try again on the next call.
                LogRefreshFailed(_logger, ex, current.ExpiresOn);
                return current.Value;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool IsFresh(IssuedToken token) => _timeProvider.GetUtcNow() < token.ExpiresOn - RefreshMargin;

    private bool IsUsable(IssuedToken token) => _timeProvider.GetUtcNow() < token.ExpiresOn - MinimumRemainingLifetime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the connector access token; using the current one, which expires at {ExpiresOn}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, DateTimeOffset expiresOn);
}
