using System.Net;
using System.Net.Http.Headers;
using CoachingBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConnectorClientRetryTests
{
    private static Task<CoachingBot.Teams.Connector.ConnectorResult<CoachingBot.Teams.Schema.ResourceResponse>> Send(ConnectorHarness harness, CancellationToken cancellationToken = default) =>
        harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("confidential reflection"), cancellationToken);

    private static Action<HttpResponseMessage> RetryAfterSeconds(int seconds) =>
        response => response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Send_WaitsRetryAfterThenSucceeds_When429CarriesDeltaSeconds()
    {
        using var harness = new ConnectorHarness();
        harness.Handler
            .Then(HttpStatusCode.TooManyRequests, null, RetryAfterSeconds(3))
            .Then(HttpStatusCode.OK, """{"id":"1712345678901"}""");

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("1712345678901", result.Value?.Id);
        Assert.Equal([TimeSpan.FromSeconds(3)], harness.Time.Waits);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_WaitsUntilRetryAfterDate_WhenHeaderIsHttpDate()
    {
        using var harness = new ConnectorHarness();
        harness.Handler
            .Then(HttpStatusCode.ServiceUnavailable, null,
                response => response.Headers.RetryAfter = new RetryConditionHeaderValue(ConnectorHarness.Start.AddSeconds(10)))
            .Then(HttpStatusCode.OK, """{"id":"1"}""");

        var result = await Send(harness);

        Assert.True(result.Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(10)], harness.Time.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Send_RetriesWithBackoff_WhenStatusIsTransient(HttpStatusCode status)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(status).Then(HttpStatusCode.OK, """{"id":"1"}""");

        var result = await Send(harness);

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Handler.Requests.Count);
        var wait = Assert.Single(harness.Time.Waits);
        Assert.InRange(wait, TimeSpan.FromTicks(1), harness.Options.MaxRetryAfter);
    }

    [Fact]
    public async Task Send_FailsAfterMaxRetryAttemptsPlusOne_When503Persists()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.ServiceUnavailable);

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Equal(harness.Options.MaxRetryAttempts + 1, harness.Handler.Requests.Count);
        Assert.Equal(harness.Options.MaxRetryAttempts, harness.Time.Waits.Count);
        Assert.All(harness.Time.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), harness.Options.MaxRetryAfter));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Send_MakesExactlyConfiguredAttempts_WhenFailureIsTransient(int maxRetryAttempts)
    {
        using var harness = new ConnectorHarness();
        harness.Options.MaxRetryAttempts = maxRetryAttempts;
        harness.Handler.Always(HttpStatusCode.BadGateway);

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(maxRetryAttempts + 1, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_IsThrottled_When429Persists()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.TooManyRequests, null, RetryAfterSeconds(2));

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(HttpStatusCode.TooManyRequests, result.StatusCode);
        Assert.Equal(5, harness.Handler.Requests.Count);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(2), 4), harness.Time.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ConnectorOutcome.Throttled)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ConnectorOutcome.Failed)]
    public async Task Send_GivesUpWithoutWaiting_WhenRetryAfterExceedsCap(HttpStatusCode status, ConnectorOutcome expected)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(status, null, RetryAfterSeconds(61)).Then(HttpStatusCode.OK, "{}");

        var result = await Send(harness);

        Assert.Equal(expected, result.Outcome);
        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Time.Waits);
    }

    [Fact]
    public async Task Send_WaitsFullCap_WhenRetryAfterEqualsCap()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.TooManyRequests, null, RetryAfterSeconds(60)).Then(HttpStatusCode.OK, "{}");

        var result = await Send(harness);

        Assert.True(result.Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(60)], harness.Time.Waits);
    }

    [Fact]
    public async Task Send_GivesUp_WhenRetryAfterDateIsBeyondCap()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.TooManyRequests, null,
            response => response.Headers.RetryAfter = new RetryConditionHeaderValue(ConnectorHarness.Start.AddMinutes(10)));

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "BotNotInConversationRoster", ConnectorOutcome.RecipientGone)]
    [InlineData(HttpStatusCode.Forbidden, "MessageWritesBlocked", ConnectorOutcome.RecipientGone)]
    [InlineData(HttpStatusCode.Forbidden, "ConversationBlockedByUser", ConnectorOutcome.RecipientGone)]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound", ConnectorOutcome.RecipientGone)]
    [InlineData(HttpStatusCode.NotFound, "ActivityNotFound", ConnectorOutcome.Failed)]
    [InlineData(HttpStatusCode.NotFound, "", ConnectorOutcome.RecipientGone)]
    [InlineData(HttpStatusCode.BadRequest, "BadArgument", ConnectorOutcome.Failed)]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", ConnectorOutcome.Failed)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", ConnectorOutcome.Failed)]
    [InlineData(HttpStatusCode.InternalServerError, "ServiceError", ConnectorOutcome.Failed)]
    public async Task Send_ReturnsOutcomeWithErrorCodeAndNoRetry_WhenStatusIsNotTransient(HttpStatusCode status, string code, ConnectorOutcome expected)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(status, RecordingHttpHandler.Error(code, "The bot is not part of the conversation roster.")).Then(HttpStatusCode.OK, "{}");

        var result = await Send(harness);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal("The bot is not part of the conversation roster.", result.ErrorMessage);
        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Time.Waits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<html><body>Forbidden</body></html>")]
    [InlineData("""{"message":"no error object"}""")]
    public async Task Send_IsRecipientGoneWithoutCode_When403BodyIsNotAConnectorError(string? body)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.Forbidden, body);

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        Assert.Null(result.ErrorCode);
        Assert.Equal("Forbidden", result.ErrorMessage);
    }

    [Fact]
    public async Task Send_Succeeds_WhenNetworkFailsOnceThenAnswers()
    {
        using var harness = new ConnectorHarness();
        harness.Handler
            .ThenThrow(new HttpRequestException("Connection refused (smba.trafficmanager.net:443)"))
            .Then(HttpStatusCode.OK, """{"id":"5"}""");

        var result = await Send(harness);

        Assert.True(result.Succeeded);
        Assert.Equal("5", result.Value?.Id);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Single(harness.Time.Waits);
    }

    [Fact]
    public async Task Send_FailsWithExceptionMessage_WhenNetworkKeepsFailing()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Otherwise = (_, _) => throw new HttpRequestException("Name or service not known (smba.trafficmanager.net:443)");

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal("Name or service not known (smba.trafficmanager.net:443)", result.ErrorMessage);
        Assert.Equal(5, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_RetriesAfterAttemptTimeout_WhenConnectorDoesNotAnswer()
    {
        using var harness = new ConnectorHarness();
        var firstAttemptStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler
            .Then(async (_, cancellationToken) =>
            {
                firstAttemptStarted.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            })
            .Then(HttpStatusCode.OK, """{"id":"2"}""");

        var sending = Send(harness);
        await firstAttemptStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([ConnectorHarness.AttemptTimeout], harness.Time.HeldDueIn);
        harness.Time.Advance(ConnectorHarness.AttemptTimeout);
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Succeeded);
        Assert.Equal("2", result.Value?.Id);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_FailsWithTimeoutMessage_WhenEveryAttemptTimesOut()
    {
        using var harness = new ConnectorHarness();
        harness.Options.MaxRetryAttempts = 1;
        using var attemptStarted = new SemaphoreSlim(0);
        harness.Handler.Otherwise = async (_, cancellationToken) =>
        {
            attemptStarted.Release();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

        var sending = Send(harness);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.True(await attemptStarted.WaitAsync(TimeSpan.FromSeconds(10)));
            harness.Time.Advance(ConnectorHarness.AttemptTimeout);
        }

        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("The connector did not answer within 00:05:00.", result.ErrorMessage);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_Throws_WhenCallerCancelledBefore()
    {
        using var harness = new ConnectorHarness();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(harness, cancellation.Token));
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task Send_Throws_WhenCallerCancelsDuringAttempt()
    {
        using var harness = new ConnectorHarness();
        using var cancellation = new CancellationTokenSource();
        harness.Handler.Then(async (_, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(harness, cancellation.Token));
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Send_ThrowsInsteadOfRetrying_WhenCallerCancelsAfterTransientFailure()
    {
        using var harness = new ConnectorHarness();
        using var cancellation = new CancellationTokenSource();
        harness.Handler.Then(async (_, _) =>
        {
            await cancellation.CancelAsync();
            return RecordingHttpHandler.Answer(HttpStatusCode.ServiceUnavailable);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(harness, cancellation.Token));
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Send_FailsWithoutRetry_WhenTokenProviderThrows()
    {
        using var harness = new ConnectorHarness();
        harness.Tokens.Failure = new InvalidOperationException("AADSTS7000215: Invalid client secret provided.");

        var result = await Send(harness);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Contains("AADSTS7000215", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Requests);
        Assert.Equal(1, harness.Tokens.Calls);
    }

    [Fact]
    public async Task Send_LogsEachRetryWithOperationStatusAndDelay_WithoutTokenOrBody()
    {
        using var harness = new ConnectorHarness("secret-token-value");
        harness.Handler
            .Then(HttpStatusCode.TooManyRequests, null, RetryAfterSeconds(3))
            .Then(HttpStatusCode.ServiceUnavailable, null, RetryAfterSeconds(4))
            .Then(HttpStatusCode.Forbidden, RecordingHttpHandler.Error("BotNotInConversationRoster"));

        await Send(harness);

        var retries = harness.Logger.Entries.Where(entry => entry.EventId.Id == 1100).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, entry => Assert.Equal(LogLevel.Warning, entry.Level));
        Assert.Equal(["SendToConversation", "SendToConversation"], retries.Select(entry => entry["Operation"]));
        Assert.Equal(["429", "503"], retries.Select(entry => entry["Status"]));
        Assert.Equal([1, 2], retries.Select(entry => entry["Attempt"]));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)], retries.Select(entry => entry["Delay"]));
        var failure = Assert.Single(harness.Logger.Entries, entry => entry.EventId.Id == 1101);
        Assert.Equal("BotNotInConversationRoster", failure["ErrorCode"]);
        Assert.All(harness.Logger.Entries, entry =>
        {
            Assert.DoesNotContain("secret-token-value", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("confidential reflection", entry.Message, StringComparison.Ordinal);
        });
    }
}
