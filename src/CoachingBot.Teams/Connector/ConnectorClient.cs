using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) over HTTP for one service URL. Transient failures (429, 412, 502, 503, 504,
/// network errors, timeouts) are retried inside, honouring <c>Retry-After</c>; writes to a conversation are paced
/// under Teams' per-conversation limits when a limiter is given. Nothing but caller cancellation and argument
/// errors throws: every other ending is a <see cref="ConnectorResult"/>.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    /// <summary>The User-Agent sent with every call.</summary>
    public const string UserAgent = "CoachingBot/1.0";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json", "utf-8");
    private static readonly ProductInfoHeaderValue UserAgentValue = ProductInfoHeaderValue.Parse(UserAgent);

    private readonly HttpClient _httpClient;
    private readonly string _baseUrl;
    private readonly IAccessTokenProvider _tokenProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly PartitionedRateLimiter<string>? _sendLimiter;
    private readonly ILogger _logger;
    private readonly BotMetrics _metrics;

    /// <summary>Creates a client with its own retry pipeline.</summary>
    /// <param name="httpClient">Sends the requests; its <see cref="HttpClient.BaseAddress"/> is not used.</param>
    /// <param name="serviceUrl">An absolute http or https URL; a path (as in <c>https://smba.trafficmanager.net/amer/</c>) is kept.</param>
    /// <param name="tokenProvider">Asked for a bearer token before every attempt; a null token sends no Authorization header.</param>
    /// <param name="options">Retries and timeouts; validated here.</param>
    /// <param name="timeProvider">The clock for backoff, timeouts and <c>Retry-After</c> dates.</param>
    /// <param name="logger">Receives retries and failures, never bodies or tokens.</param>
    /// <param name="sendLimiter">Paces writes per conversation id; null sends unpaced. The client does not dispose it.</param>
    public ConnectorClient(
        HttpClient httpClient,
        Uri serviceUrl,
        IAccessTokenProvider tokenProvider,
        ConnectorOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        PartitionedRateLimiter<string>? sendLimiter = null)
        : this(httpClient, serviceUrl, tokenProvider, BuildPipeline(options, timeProvider, logger), logger, sendLimiter)
    {
    }

    internal ConnectorClient(
        HttpClient httpClient,
        Uri serviceUrl,
        IAccessTokenProvider tokenProvider,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        ILogger logger,
        PartitionedRateLimiter<string>? sendLimiter,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(logger);
        _baseUrl = BaseUrlOf(serviceUrl);
        ServiceUrl = serviceUrl;
        _httpClient = httpClient;
        _tokenProvider = tokenProvider;
        _pipeline = pipeline;
        _logger = logger;
        _sendLimiter = sendLimiter;
        _metrics = metrics ?? BotMetrics.Unscoped;
    }

    /// <inheritdoc />
    public Uri ServiceUrl { get; }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync<ResourceResponse>(
            "SendToConversation", HttpMethod.Post, ActivitiesUrl(conversationId), Serialize(activity), conversationId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync<ResourceResponse>(
            "ReplyToActivity", HttpMethod.Post, ActivityUrl(conversationId, activityId), Serialize(activity), conversationId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync<ResourceResponse>(
            "UpdateActivity", HttpMethod.Put, ActivityUrl(conversationId, activityId), Serialize(activity), conversationId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return await CallAsync<ResourceResponse>(
            "DeleteActivity", HttpMethod.Delete, ActivityUrl(conversationId, activityId), body: null, conversationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// When <see cref="ConversationParameters.TenantId"/> is set and the channel data names no tenant, the tenant is
    /// added as <c>channelData.tenant.id</c>, where Teams looks for it. <paramref name="parameters"/> is not changed.
    /// </remarks>
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CallAsync<ConversationResourceResponse>(
            "CreateConversation", HttpMethod.Post, _baseUrl + "/v3/conversations", SerializeConversationParameters(parameters),
            rateLimitKey: null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one member.");
        }

        var url = ConversationUrl(conversationId) + "/pagedmembers";
        var separator = '?';
        if (pageSize is int size)
        {
            url += separator + "pageSize=" + size.ToString(CultureInfo.InvariantCulture);
            separator = '&';
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            url += separator + "continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        return CallAsync<PagedMembersResult>("GetPagedMembers", HttpMethod.Get, url, body: null, rateLimitKey: null, cancellationToken);
    }

    private async Task<ConnectorResult<T>> CallAsync<T>(
        string operation, HttpMethod method, string url, byte[]? body, string? rateLimitKey, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = rateLimitKey is not null && _sendLimiter is not null
            ? await _sendLimiter.AcquireAsync(rateLimitKey, 1, cancellationToken).ConfigureAwait(false)
            : null;
        if (lease is { IsAcquired: false })
        {
            var waiting = _sendLimiter!.GetStatistics(rateLimitKey!)?.CurrentQueuedCount ?? 0;
            ConnectorLog.SendQueueFull(_logger, operation, (int)Math.Min(waiting, int.MaxValue));
            return new ConnectorResult<T>(
                ConnectorOutcome.Throttled, null, errorMessage: "Too many calls are already waiting to send to this conversation; this one was not sent.");
        }

        var requestUri = new Uri(url, UriKind.Absolute);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static (context, state) => state.Client.SendOnceAsync(state.Method, state.Uri, state.Body, context),
                context,
                (Client: this, Method: method, Uri: requestUri, Body: body)).ConfigureAwait(false);

            var result = await ReadResultAsync<T>(response, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                ConnectorLog.CallFailed(_logger, operation, result.Outcome, result.StatusCode, result.ErrorCode);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException or AccessTokenException)
        {
            ConnectorLog.CallFailedWithoutAnswer(_logger, operation, ConnectorOutcome.Failed, exception.GetType().Name, exception);
            return new ConnectorResult<T>(ConnectorOutcome.Failed, null, (exception as HttpRequestException)?.StatusCode, errorMessage: Describe(exception));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt. The request is built afresh each time: an HttpRequestMessage can be sent only once.
    private async ValueTask<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, byte[]? body, ResilienceContext context)
    {
        var cancellationToken = context.CancellationToken;
        string? token;
        try
        {
            token = await _tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new AccessTokenException(exception);
        }

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.Add(UserAgentValue);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            // A byte array has a known length, so the body goes with Content-Length rather than chunked.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _metrics.Throttled(context.OperationKey);
        }

        return response;
    }

    private static async Task<ConnectorResult<T>> ReadResultAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        var status = response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            // Some connectors (and the emulator) answer a send with an empty or non-JSON body: the send still happened.
            return new ConnectorResult<T>(ConnectorOutcome.Succeeded, TryDeserialize<T>(text), status);
        }

        var error = TryDeserialize<ErrorResponse>(text)?.Error;
        var outcome = status switch
        {
            HttpStatusCode.Forbidden => ConnectorOutcome.RecipientGone,
            // A 404 about the conversation means the app was removed; one about something else (a message already
            // deleted, say) is a failure of that call only, and must not stop messages to the user.
            HttpStatusCode.NotFound when error?.Code is null or "" or "ConversationNotFound" => ConnectorOutcome.RecipientGone,
            HttpStatusCode.TooManyRequests => ConnectorOutcome.Throttled,
            _ => ConnectorOutcome.Failed,
        };
        return new ConnectorResult<T>(outcome, null, status, error?.Code, error?.Message ?? response.ReasonPhrase);
    }

    private static T? TryDeserialize<T>(string text)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => $"The connector did not answer within {timeout.Timeout}.",
        OperationCanceledException => "The connector did not answer in time.",
        AccessTokenException => $"No access token for the connector: {exception.InnerException?.Message}",
        _ => exception.Message,
    };

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, BotJson.Options);

    private static byte[] SerializeConversationParameters(ConversationParameters parameters)
    {
        var json = JsonSerializer.SerializeToNode(parameters, BotJson.Options)!.AsObject();
        if (!string.IsNullOrEmpty(parameters.TenantId))
        {
            if (json["channelData"] is not JsonObject channelData)
            {
                channelData = [];
                json["channelData"] = channelData;
            }

            channelData["tenant"] ??= new JsonObject { ["id"] = parameters.TenantId };
        }

        return JsonSerializer.SerializeToUtf8Bytes(json, BotJson.Options);
    }

    private string ConversationUrl(string conversationId) =>
        _baseUrl + "/v3/conversations/" + Uri.EscapeDataString(conversationId);

    private string ActivitiesUrl(string conversationId) => ConversationUrl(conversationId) + "/activities";

    private string ActivityUrl(string conversationId, string activityId) =>
        ActivitiesUrl(conversationId) + "/" + Uri.EscapeDataString(activityId);

    /// <summary>The service URL without query, fragment or trailing slash; the path stays.</summary>
    internal static string BaseUrlOf(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The service URL must be an absolute http or https URL (was '{serviceUrl}').", nameof(serviceUrl));
        }

        return serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ConnectorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = ConnectorOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        return ConnectorResilience.Build(options, timeProvider, logger);
    }

    /// <summary>The token provider failed; not retried here, as token providers retry on their own.</summary>
    private sealed class AccessTokenException(Exception inner)
        : Exception("Could not get an access token for the connector.", inner);
}
