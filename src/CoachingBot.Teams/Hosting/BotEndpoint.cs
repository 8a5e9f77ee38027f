using System.Net;
using System.Text.Json;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Hosting;

/// <summary>The <c>POST /api/messages</c> endpoint Teams delivers activities to.</summary>
public static partial class BotEndpoint
{
    /// <summary>The path Teams and the Azure Bot resource are configured with.</summary>
    public const string DefaultPattern = "/api/messages";

    /// <summary>Maps the messaging endpoint.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();
    }

    internal static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<BotHostingOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint));
        var authenticator = services.GetRequiredService<IRequestAuthenticator>();
        var tracker = services.GetRequiredService<TurnTracker>();
        var cancellationToken = http.RequestAborted;

        if (authenticator.IsDisabled && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            await WriteProblemAsync(http, StatusCodes.Status403Forbidden, "Authentication is off, so only loopback clients are served.").ConfigureAwait(false);
            return;
        }

        var (activity, problem, status) = await ReadActivityAsync(http, options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            LogRejected(logger, status, problem!);
            await WriteProblemAsync(http, status, problem!).ConfigureAwait(false);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded && auth.Failure == AuthFailureReasons.SigningKeysUnavailable)
        {
            // Our fault, not the caller's: the signing keys could not be fetched. Teams retries a 503.
            LogUnauthorized(logger, auth.Failure);
            http.Response.Headers.RetryAfter = "5";
            await WriteProblemAsync(http, StatusCodes.Status503ServiceUnavailable, "The bot cannot verify requests right now; try again shortly.").ConfigureAwait(false);
            return;
        }

        if (!auth.Succeeded)
        {
            LogUnauthorized(logger, auth.Failure!);
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, "The request's token is not valid for this bot.").ConfigureAwait(false);
            return;
        }

        if (!tracker.HasCapacity)
        {
            http.Response.Headers.RetryAfter = "2";
            await WriteProblemAsync(http, StatusCodes.Status503ServiceUnavailable, "The bot is busy; try again shortly.").ConfigureAwait(false);
            return;
        }

        var pipeline = services.GetRequiredService<TurnPipeline>();
        if (activity.Type == ActivityTypes.Invoke)
        {
            var response = await pipeline.InvokeAsync(activity, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                LogDuplicate(logger, activity.Type);
            }

            await WriteInvokeResponseAsync(http, response).ConfigureAwait(false);
            return;
        }

        // The activity is in the journal before the 200: from here a crash delays its turn but cannot lose it.
        if (!await pipeline.AcceptAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(logger, activity.Type);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task<(Activity? Activity, string? Problem, int Status)> ReadActivityAsync(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge(http, maxBytes);
        }

        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, cancellationToken).ConfigureAwait(false);
            var reason = ActivityValidator.Validate(activity);
            return reason is null ? (activity, null, StatusCodes.Status200OK) : (null, reason, StatusCodes.Status400BadRequest);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "" : $" at {exception.Path}";
            return (null, $"The body is not a valid activity (malformed JSON or a field of the wrong type{where}).", StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is System.Text.DecoderFallbackException)
        {
            // The JSON reader only decodes a string's bytes when the property is read, and says so this way.
            return (null, "The body is not valid UTF-8.", StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http, maxBytes);
        }
    }

    private static (Activity? Activity, string? Problem, int Status) TooLarge(HttpContext http, int maxBytes)
    {
        // The rest of the body is never read, so the connection cannot carry another request: say so, or the client's
        // next request on it finds the connection closed under it.
        http.Response.Headers.Connection = "close";
        return (null, $"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task WriteInvokeResponseAsync(HttpContext http, InvokeResponse? response)
    {
        http.Response.StatusCode = response?.Status ?? StatusCodes.Status200OK;
        if (response?.Body is null)
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(response.Body, response.Body.GetType(), BotJson.Options);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(http);

    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an inbound request with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an inbound request: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated {ActivityType} activity")]
    private static partial void LogDuplicate(ILogger logger, string? activityType);
}
