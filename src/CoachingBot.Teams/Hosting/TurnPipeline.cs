using System.Collections.Concurrent;
using System.Net;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Runs accepted activities through the application's <see cref="IBot"/>, durably: an activity is in the
/// <see cref="ITurnJournal"/> before it is acknowledged; a turn's state and replies are committed together; replies
/// are then sent from the journal's outbox and marked sent. One conversation's turns run one at a time and in arrival
/// order, in this process by a local lane and across instances by the journal's lane lease. Work left by a crash is
/// taken up again by <see cref="TurnRecovery"/>.
/// </summary>
public sealed partial class TurnPipeline
{
    /// <summary>What the user is told when a turn fails unexpectedly.</summary>
    public const string FailureMessage = "Sorry, something went wrong on my side and I couldn't finish that. What you had saved before is still there; please try again in a moment.";

    private const int OutboxBatch = 16;

    private readonly IServiceScopeFactory _scopes;
    private readonly IConnectorClientFactory _connectors;
    private readonly ITurnJournal _journal;
    private readonly ConversationSerializer _serializer;
    private readonly TurnTracker _tracker;
    private readonly TimeProvider _time;
    private readonly BotHostingOptions _options;
    private readonly ILogger<TurnPipeline> _logger;
    private readonly BotMetrics _metrics;
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    /// <summary>Creates the pipeline.</summary>
    public TurnPipeline(
        IServiceScopeFactory scopes,
        IConnectorClientFactory connectors,
        ITurnJournal journal,
        ConversationSerializer serializer,
        TurnTracker tracker,
        TimeProvider time,
        IOptions<BotHostingOptions> options,
        ILogger<TurnPipeline> logger,
        BotMetrics? metrics = null)
    {
        _scopes = scopes;
        _connectors = connectors;
        _journal = journal;
        _serializer = serializer;
        _tracker = tracker;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics ?? BotMetrics.Unscoped;
    }

    /// <summary>This process's name as a lane owner: unique per start, so a restarted process never mistakes an old lease for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Stores <paramref name="activity"/> in the journal and starts its conversation's lane. Returns false for a resend
    /// of an activity already accepted. When this returns, the activity survives a crash.
    /// </summary>
    public async Task<bool> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = ConversationOf(activity);
        if (await _journal.AcceptAsync(activity, runsInline: false, cancellationToken).ConfigureAwait(false) is null)
        {
            _metrics.Duplicate(activity);
            return false;
        }

        Kick(conversationId);
        return true;
    }

    /// <summary>
    /// Stores an invoke and runs it while the caller waits, after any earlier turns of its conversation. Null for a
    /// resend of an invoke already accepted.
    /// </summary>
    public async Task<InvokeResponse?> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = ConversationOf(activity);
        if (await _journal.AcceptAsync(activity, runsInline: true, cancellationToken).ConfigureAwait(false) is not { } turn)
        {
            _metrics.Duplicate(activity);
            return null;
        }

        var run = _serializer.RunAsync(conversationId, () => RunInlineAsync(turn, _tracker.Aborted));
        _tracker.Track(run);
        return await run.ConfigureAwait(false);
    }

    /// <summary>
    /// Makes sure the conversation's lane runs soon: its unsent replies, then its unfinished turns. A lane already
    /// queued here takes the new work with it.
    /// </summary>
    public void Kick(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (!_queued.TryAdd(conversationId, 0))
        {
            return;
        }

        _tracker.Track(_serializer.RunAsync(conversationId, () => DrainAsync(conversationId, _tracker.Aborted)));
    }

    private async Task<bool> DrainAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Leave the queue first: work that arrives from now on needs a lane run after this one.
        _queued.TryRemove(conversationId, out _);
        // The lane runs turns of many requests: its spans are not part of the request that happened to start it.
        System.Diagnostics.Activity.Current = null;
        LaneLease? lease = null;
        try
        {
            lease = await _journal.TryClaimLaneAsync(conversationId, Owner, _options.LaneLease, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                // Another instance holds the lane. It may have looked for work before ours was stored, so look again soon.
                RetryLater(conversationId);
                return false;
            }

            var held = lease;
            return await HoldingAsync(held, async laneToken =>
            {
                await WorkLaneAsync(held, laneToken).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogLaneStopped();
            return false;
        }
        catch (Exception exception) when (exception is LaneLostException or OperationCanceledException)
        {
            // Cancelled without a shutdown: the renewal found the lease taken over.
            LogLaneLost();
            lease = null;
            return false;
        }
#pragma warning disable CA1031 // A lane that fails (the database unreachable) is left to recovery; it must not take the host down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogLaneFailed(exception);
            return false;
        }
        finally
        {
            if (lease is not null)
            {
                await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
            }
        }
    }

    private async Task<InvokeResponse?> RunInlineAsync(JournalTurn turn, CancellationToken cancellationToken)
    {
        var conversationId = ConversationOf(turn.Activity);
        LaneLease? lease = null;
        try
        {
            var deadline = _time.GetUtcNow() + _options.InvokeLaneWait;
            while ((lease = await _journal.TryClaimLaneAsync(conversationId, Owner, _options.LaneLease, cancellationToken).ConfigureAwait(false)) is null)
            {
                if (_time.GetUtcNow() >= deadline)
                {
                    LogInvokeLaneBusy();
                    return new InvokeResponse { Status = (int)HttpStatusCode.ServiceUnavailable };
                }

                await Task.Delay(_options.LaneRetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }

            var held = lease;
            return await HoldingAsync(held, async laneToken =>
            {
                // Turns that arrived before the invoke run first, so the invoke sees the state they leave.
                var caughtUp = await WorkLaneAsync(held, laneToken).ConfigureAwait(false);
                var (response, replies) = await RunTurnAsync(held, turn, laneToken).ConfigureAwait(false);
                // Replies an earlier turn left waiting go first.
                _ = caughtUp
                    ? await SendCommittedAsync(held, turn, replies, laneToken).ConfigureAwait(false)
                    : await SendUnsentAsync(held, laneToken).ConfigureAwait(false);
                return response;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogLaneStopped();
            return new InvokeResponse { Status = (int)HttpStatusCode.ServiceUnavailable };
        }
        catch (Exception exception) when (exception is LaneLostException or OperationCanceledException)
        {
            LogLaneLost();
            lease = null;
            return new InvokeResponse { Status = (int)HttpStatusCode.ServiceUnavailable };
        }
        finally
        {
            if (lease is not null)
            {
                await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while renewing <paramref name="lease"/> every third of its duration, so a long
    /// turn or a slow connector does not let it expire under its holder. The token given to the work is cancelled at
    /// shutdown, and when a renewal finds the lease taken over (this instance stalled past its lease).
    /// </summary>
    private async Task<T> HoldingAsync<T>(LaneLease lease, Func<CancellationToken, Task<T>> work, CancellationToken shutdown)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var done = new CancellationTokenSource();
        var renewing = RenewAsync(lease, lost, done.Token);
        try
        {
            return await work(lost.Token).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(LaneLease lease, CancellationTokenSource lost, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease.Duration / 3, _time, done).ConfigureAwait(false);
                if (await _journal.TryClaimLaneAsync(lease.ConversationId, lease.Owner, lease.Duration, done).ConfigureAwait(false) is null)
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work is done.
        }
#pragma warning disable CA1031 // A renewal that fails is tried again; the commit's fence still guards the lease.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRenewFailed(exception);
        }
    }

    /// <summary>
    /// Sends what earlier turns left unsent, then runs each unfinished turn and sends its replies, in order. False
    /// when a reply must wait, so replies are left unsent.
    /// </summary>
    private async Task<bool> WorkLaneAsync(LaneLease lease, CancellationToken cancellationToken)
    {
        if (!await SendUnsentAsync(lease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        while (await _journal.NextTurnAsync(lease.ConversationId, cancellationToken).ConfigureAwait(false) is { } turn)
        {
            var (_, replies) = await RunTurnAsync(lease, turn, cancellationToken).ConfigureAwait(false);
            if (!await SendCommittedAsync(lease, turn, replies, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <returns>The invoke response, and the replies committed to the outbox.</returns>
    private async Task<(InvokeResponse? Response, IReadOnlyList<OutgoingOperation> Replies)> RunTurnAsync(LaneLease lease, JournalTurn turn, CancellationToken cancellationToken)
    {
        var observation = _metrics.StartTurn(turn.Activity, turn.Attempts);
        var outcome = BotTelemetry.Outcomes.Error;
        try
        {
            (var response, var replies, outcome) = await RunAttemptsAsync(lease, turn, cancellationToken).ConfigureAwait(false);
            return (response, replies);
        }
        catch (Exception exception)
        {
            outcome = exception is LaneLostException ? BotTelemetry.Outcomes.LaneLost
                : exception is OperationCanceledException && cancellationToken.IsCancellationRequested ? BotTelemetry.Outcomes.Cancelled
                : BotTelemetry.Outcomes.Error;
            throw;
        }
        finally
        {
            _metrics.EndTurn(observation, turn.Activity, outcome);
        }
    }

    /// <summary>
    /// Runs the turn until its commit holds; returns its invoke response, the replies committed to the outbox and its
    /// outcome (<see cref="BotTelemetry.Outcomes"/>).
    /// </summary>
    private async Task<(InvokeResponse? Response, IReadOnlyList<OutgoingOperation> Replies, string Outcome)> RunAttemptsAsync(LaneLease lease, JournalTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        using var logScope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
        });

        for (var attempt = 1; ; attempt++)
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var context = new TurnContext(activity, _connectors.Create(activity.ServiceUrl!), scope.ServiceProvider)
                {
                    CommitsStateWithReplies = true,
                };
                var giveUp = attempt > _options.MaxStateAttempts;
                string outcome;
                if (turn.Attempts > _options.MaxTurnAttempts || giveUp)
                {
                    // A turn that keeps failing (it took the process down, or its state never settles) is answered, not retried forever.
                    LogTurnAbandoned(activity.Type, turn.Attempts);
                    Fail(context);
                    outcome = BotTelemetry.Outcomes.GivenUp;
                }
                else
                {
                    outcome = !await RunBotAsync(context, cancellationToken).ConfigureAwait(false) ? BotTelemetry.Outcomes.Failed
                        : attempt > 1 ? BotTelemetry.Outcomes.Retried
                        : BotTelemetry.Outcomes.Completed;
                }

                try
                {
                    var replies = context.Pending;
                    await _journal.CompleteTurnAsync(lease, turn, context.StateWrites, replies, cancellationToken).ConfigureAwait(false);
                    return (context.InvokeResponse, replies, outcome);
                }
                catch (DialogStateConflictException) when (!giveUp)
                {
                    LogStateConflict(attempt + 1);
                }
            }
        }
    }

    /// <summary>Runs the app's bot; false when it threw and the user was told.</summary>
    private async Task<bool> RunBotAsync(TurnContext context, CancellationToken cancellationToken)
    {
        try
        {
            var bot = context.Services.GetRequiredService<IBot>();
            await bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogTurnCancelled(context.Activity.Type);
            throw;
        }
#pragma warning disable CA1031 // A turn's failure must never take the host down; it is logged and the user is told.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogTurnFailed(exception, context.Activity.Type);
            Fail(context);
            return false;
        }
    }

    private static void Fail(TurnContext context)
    {
        context.DiscardPending();
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = new InvokeResponse { Status = (int)HttpStatusCode.InternalServerError };
        }
        else
        {
            context.SendText(FailureMessage);
        }
    }

    /// <summary>Sends the conversation's unsent replies in order. False when one must wait, so the lane stops to keep the order.</summary>
    private async Task<bool> SendUnsentAsync(LaneLease lease, CancellationToken cancellationToken)
    {
        var recipientGone = false;
        while (true)
        {
            var batch = await _journal.UnsentAsync(lease.ConversationId, OutboxBatch, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return true;
            }

            (var goOn, recipientGone) = await SendEntriesAsync(lease, batch, recipientGone, cancellationToken).ConfigureAwait(false);
            if (!goOn)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Sends the replies a turn has just committed, without reading them back: the lane had nothing unsent when the
    /// turn began and this lease is the only writer of its outbox, so they are all there is to send.
    /// </summary>
    private async Task<bool> SendCommittedAsync(LaneLease lease, JournalTurn turn, IReadOnlyList<OutgoingOperation> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            return true;
        }

        var entries = new OutboxEntry[replies.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new OutboxEntry(turn.Key, i, replies[i], Attempts: 0);
        }

        var (goOn, _) = await SendEntriesAsync(lease, entries, recipientGone: false, cancellationToken).ConfigureAwait(false);
        return goOn;
    }

    private async Task<(bool GoOn, bool RecipientGone)> SendEntriesAsync(
        LaneLease lease, IReadOnlyList<OutboxEntry> entries, bool recipientGone, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (recipientGone)
            {
                _metrics.EndReply(null, entry.Operation.Kind, OutboxSettlement.Undeliverable);
                await _journal.SettleAsync(entry, OutboxSettlement.Undeliverable, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var span = BotMetrics.StartReply(entry.Operation.Kind);
            var result = await SendAsync(lease.ConversationId, entry.Operation, cancellationToken).ConfigureAwait(false);
            var settlement = SettlementOf(result, entry.Attempts);
            _metrics.EndReply(span, entry.Operation.Kind, settlement);
            await _journal.SettleAsync(entry, settlement, CancellationToken.None).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                LogSendNotDelivered(result.Outcome, (int?)result.StatusCode, result.ErrorCode, settlement);
            }

            recipientGone = result.Outcome == ConnectorOutcome.RecipientGone;
            if (settlement == OutboxSettlement.RetryLater)
            {
                RetryLater(lease.ConversationId, _options.SendRetryDelay);
                return (false, recipientGone);
            }
        }

        return (true, recipientGone);
    }

    private OutboxSettlement SettlementOf(ConnectorResult result, int attempts)
    {
        if (result.Succeeded)
        {
            return OutboxSettlement.Sent;
        }

        // The connector is down, busy or throttling: worth another try later. Anything else it said no to for good.
        var transient = result.Outcome == ConnectorOutcome.Throttled
            || (result.Outcome == ConnectorOutcome.Failed && (result.StatusCode is null || (int)result.StatusCode >= 500));
        return transient && attempts + 1 < _options.MaxSendAttempts ? OutboxSettlement.RetryLater : OutboxSettlement.Undeliverable;
    }

    private async Task<ConnectorResult> SendAsync(string conversationId, OutgoingOperation operation, CancellationToken cancellationToken)
    {
        var connector = _connectors.Create(operation.Activity.ServiceUrl!);
        try
        {
            return operation.Kind == OutgoingKind.Update
                ? await connector.UpdateActivityAsync(conversationId, operation.ActivityId!, operation.Activity, cancellationToken).ConfigureAwait(false)
                : await connector.SendToConversationAsync(conversationId, operation.Activity, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return new ConnectorResult(ConnectorOutcome.Failed);
        }
    }

    private void RetryLater(string conversationId, TimeSpan? delay = null)
    {
        _ = KickAfterAsync(conversationId, delay ?? _options.LaneRetryDelay);
    }

    private async Task KickAfterAsync(string conversationId, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _tracker.Aborted).ConfigureAwait(false);
            Kick(conversationId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: recovery at the next start (or another instance) takes the work up.
        }
    }

    private async Task ReleaseQuietlyAsync(LaneLease lease)
    {
        try
        {
            await _journal.ReleaseLaneAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A lease that cannot be released expires on its own.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReleaseFailed(exception);
        }
    }

    private static string ConversationOf(Activity activity) =>
        activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity failed")]
    private partial void LogTurnFailed(Exception exception, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for a {ActivityType} activity was cancelled by shutdown; it stays in the journal")]
    private partial void LogTurnCancelled(string? activityType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity was abandoned after {Attempts} attempts; the user is told")]
    private partial void LogTurnAbandoned(string? activityType, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialog state changed during the turn; running it again (attempt {Attempt})")]
    private partial void LogStateConflict(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply was not delivered: {Outcome} (HTTP {StatusCode}, {ErrorCode}); {Settlement}")]
    private partial void LogSendNotDelivered(ConnectorOutcome outcome, int? statusCode, string? errorCode, OutboxSettlement settlement);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation lane stopped for shutdown; its work stays in the journal")]
    private partial void LogLaneStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation lane's lease was taken over by another instance; this one stops")]
    private partial void LogLaneLost();

    [LoggerMessage(Level = LogLevel.Error, Message = "A conversation lane failed; recovery will take its work up again")]
    private partial void LogLaneFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An invoke waited too long for its conversation's lane")]
    private partial void LogInvokeLaneBusy();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a conversation lane's lease failed; the commit will check it")]
    private partial void LogRenewFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing a conversation lane failed; the lease will expire")]
    private partial void LogReleaseFailed(Exception exception);
}
