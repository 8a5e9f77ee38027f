using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Runs one activity through the application's <see cref="IBot"/>: a service scope, a <see cref="TurnContext"/>
/// bound to the activity's connector, the bot, then the queued replies. One turn per conversation at a time.
/// </summary>
public sealed partial class TurnPipeline
{
    /// <summary>What the user is told when a turn fails unexpectedly.</summary>
    public const string FailureMessage = "Sorry, something went wrong on my side and I couldn't finish that. What you had saved before is still there; please try again in a moment.";

    private readonly IServiceScopeFactory _scopes;
    private readonly IConnectorClientFactory _connectors;
    private readonly ConversationSerializer _serializer;
    private readonly ILogger<TurnPipeline> _logger;

    /// <summary>Creates the pipeline.</summary>
    public TurnPipeline(IServiceScopeFactory scopes, IConnectorClientFactory connectors, ConversationSerializer serializer, ILogger<TurnPipeline> logger)
    {
        _scopes = scopes;
        _connectors = connectors;
        _serializer = serializer;
        _logger = logger;
    }

    /// <summary>
    /// Queues the activity behind earlier turns of its conversation and runs it. The returned task ends with the
    /// invoke response (null for other activity types). The place in the queue is taken before this returns.
    /// </summary>
    public Task<InvokeResponse?> EnqueueAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        return _serializer.RunAsync(conversationId, () => RunTurnAsync(activity, cancellationToken));
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var connector = _connectors.Create(activity.ServiceUrl!);
        var turn = new TurnContext(activity, connector, scope.ServiceProvider);
        using var logScope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
        });
        try
        {
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogTurnCancelled(activity.Type);
            return new InvokeResponse { Status = 503 };
        }
#pragma warning disable CA1031 // A turn's failure must never take the host down; it is logged and the user is told.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogTurnFailed(exception, activity.Type);
            turn.DiscardPending();
            if (activity.Type != ActivityTypes.Invoke)
            {
                turn.SendText(FailureMessage);
            }
            else
            {
                turn.InvokeResponse = new InvokeResponse { Status = 500 };
            }
        }

        await FlushAsync(turn, cancellationToken).ConfigureAwait(false);
        return turn.InvokeResponse;
    }

    private async Task FlushAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Pending.Count == 0)
        {
            return;
        }

        try
        {
            var results = await turn.FlushAsync(cancellationToken).ConfigureAwait(false);
            foreach (var result in results)
            {
                if (!result.Succeeded)
                {
                    LogSendNotDelivered(result.Outcome, (int?)result.StatusCode, result.ErrorCode);
                }
            }
        }
#pragma warning disable CA1031 // Replies that cannot be sent are logged; the turn's state is already saved.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFlushFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity failed")]
    private partial void LogTurnFailed(Exception exception, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for a {ActivityType} activity was cancelled by shutdown")]
    private partial void LogTurnCancelled(string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply was not delivered: {Outcome} (HTTP {StatusCode}, {ErrorCode})")]
    private partial void LogSendNotDelivered(ConnectorOutcome outcome, int? statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the turn's replies failed")]
    private partial void LogFlushFailed(Exception exception);
}
