using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoachingBot.Teams.Auth;

/// <summary>
/// One issuer's OpenID metadata and signing keys, cached by a <see cref="ConfigurationManager{T}"/>, with a forced
/// refresh for when a token names a key the cache does not have yet (the issuer rotated its keys).
/// </summary>
/// <remarks>
/// <see cref="ConfigurationManager{T}.RequestRefresh"/> in IdentityModel 8.x only starts a background fetch and the next
/// read still returns the old keys, so a retry right after it would fail again. A forced refresh here builds a new
/// manager and awaits its first fetch instead; the manager keeps doing its own periodic refreshes in between.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim holds no OS handle unless AvailableWaitHandle is read, which it never is here.")]
internal sealed partial class OpenIdMetadataSource
{
    /// <summary>Forced refreshes are at most this frequent, so tokens with made-up key ids cannot hammer the issuer.</summary>
    internal static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private DateTimeOffset? _lastForcedRefresh;

    public OpenIdMetadataSource(string metadataAddress, IDocumentRetriever retriever, TimeProvider timeProvider, ILogger logger)
    {
        MetadataAddress = metadataAddress;
        _retriever = retriever;
        _timeProvider = timeProvider;
        _logger = logger;
        _manager = CreateManager();
    }

    public string MetadataAddress { get; }

    /// <summary>The cached configuration; fetched on first use. Throws when it cannot be fetched and none is cached.</summary>
    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Fetches the metadata again after validation against <paramref name="stale"/> found no matching key.
    /// Returns the configuration to retry with, or null when there is nothing newer to try.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefreshAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await GetAsync(cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(current, stale))
            {
                return current; // another request refreshed while this one waited
            }

            var now = _timeProvider.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < MinimumForcedRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            var fresh = CreateManager();
            try
            {
                var configuration = await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _manager, fresh);
                LogRefreshed(_logger, MetadataAddress);
                return configuration;
            }
            catch (InvalidOperationException ex)
            {
                LogRefreshFailed(_logger, ex, MetadataAddress);
                return null;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager() =>
        new(MetadataAddress, new OpenIdConnectConfigurationRetriever(), _retriever);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched signing keys again from {MetadataAddress} for a token with an unknown key")]
    private static partial void LogRefreshed(ILogger logger, string metadataAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch signing keys again from {MetadataAddress}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string metadataAddress);
}
