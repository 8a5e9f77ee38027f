using System.Net;
using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// The retry and timeout pipeline around one connector HTTP call. The operation name travels in
/// <see cref="ResilienceContext.OperationKey"/> so one pipeline serves every client and operation.
/// </summary>
internal static class ConnectorResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorOptions options, TimeProvider timeProvider, ILogger logger, BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var maxRetryAfter = options.MaxRetryAfter;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = options.MaxRetryAfter > options.RetryBaseDelay ? options.MaxRetryAfter : options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, maxRetryAfter, timeProvider)),
                // Null falls back to Polly's backoff; a Retry-After beyond the cap never gets here (ShouldRetry said no).
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter.Read(response, timeProvider.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    ConnectorLog.Retrying(logger, args.Context.OperationKey ?? "call", args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    metrics?.Retry(args.Context.OperationKey, args.Outcome.Result?.StatusCode, args.Outcome.Exception);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>True for the statuses Teams documents as worth retrying.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException or TimeoutRejectedException => true,
                // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
                OperationCanceledException => !context.CancellationToken.IsCancellationRequested,
                _ => false,
            };
        }

        if (outcome.Result is not { } response || !IsTransient(response.StatusCode))
        {
            return false;
        }

        var asked = RetryAfter.Read(response, timeProvider.GetUtcNow());
        return asked is null || asked <= maxRetryAfter;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "nothing";
}
