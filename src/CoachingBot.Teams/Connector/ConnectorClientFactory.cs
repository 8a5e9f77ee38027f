using System.Threading.RateLimiting;
using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// Makes <see cref="ConnectorClient"/>s over the named <see cref="HttpClient"/> <see cref="HttpClientName"/>.
/// Every client it makes shares one retry pipeline and one per-conversation send limiter, so pacing holds across
/// turns, proactive sends and service URLs. Register it as a singleton (see <c>AddBotConnector</c>).
/// </summary>
public sealed class ConnectorClientFactory : IConnectorClientFactory, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> the clients use.</summary>
    public const string HttpClientName = "BotConnector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IAccessTokenProvider _tokenProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly PartitionedRateLimiter<string>? _sendLimiter;
    private readonly ILogger _clientLogger;
    private readonly BotMetrics _metrics;

    /// <summary>Creates the factory.</summary>
    /// <param name="httpClientFactory">Supplies the <see cref="HttpClientName"/> client.</param>
    /// <param name="options">Retries, timeouts and pacing.</param>
    /// <param name="timeProvider">The clock for backoff, timeouts, <c>Retry-After</c> dates and pacing.</param>
    /// <param name="loggerFactory">For the clients' logs.</param>
    /// <param name="tokenProvider">
    /// The bearer token source. Optional so the connector works with no auth registered (the local emulator);
    /// then calls carry no token and a warning is logged once.
    /// </param>
    /// <param name="metrics">Where retries and 429s are counted; optional, as for tests that build the factory by hand.</param>
    public ConnectorClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptions<ConnectorOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IAccessTokenProvider? tokenProvider = null,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var settings = options.Value;
        var errors = ConnectorOptionsValidator.Errors(settings);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _httpClientFactory = httpClientFactory;
        _clientLogger = loggerFactory.CreateLogger<ConnectorClient>();
        if (tokenProvider is null)
        {
            ConnectorLog.NoTokenProvider(_clientLogger);
        }

        _tokenProvider = tokenProvider ?? NoTokenProvider.Instance;
        _metrics = metrics ?? BotMetrics.Unscoped;
        _pipeline = ConnectorResilience.Build(settings, timeProvider, _clientLogger, _metrics);
        _sendLimiter = settings.EnablePerConversationRateLimit
            ? ConversationSendLimiter.CreatePerConversation(timeProvider, settings.RateLimitQueueLimit)
            : null;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="serviceUrl"/> is not an absolute http or https URL.</exception>
    public IConnectorClient Create(string serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The service URL must be an absolute http or https URL (was '{serviceUrl}').", nameof(serviceUrl));
        }

        return new ConnectorClient(_httpClientFactory.CreateClient(HttpClientName), uri, _tokenProvider, _pipeline, _clientLogger, _sendLimiter, _metrics);
    }

    /// <summary>Stops the send limiter; paced calls on clients made earlier then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _sendLimiter?.Dispose();

    private sealed class NoTokenProvider : IAccessTokenProvider
    {
        public static readonly NoTokenProvider Instance = new();

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
    }
}
