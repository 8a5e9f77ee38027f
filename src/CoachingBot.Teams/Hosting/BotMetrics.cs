using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using CoachingBot.Teams.Schema;
using Activity = CoachingBot.Teams.Schema.Activity;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// The protocol library's spans and instruments (names in <see cref="BotTelemetry"/>), registered by
/// <c>AddBotHosting</c>. Every method returns at once when nothing listens: no tags are built, no clock is read.
/// </summary>
public sealed class BotMetrics
{
    private static readonly Lazy<BotMetrics> UnscopedMetrics = new(() => new BotMetrics(new Meter(BotTelemetry.SourceName)));

    internal static readonly ActivitySource Source = new(BotTelemetry.SourceName);

    // A turn takes milliseconds; the default buckets (0 to 10,000) are made for milliseconds, not seconds.
    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _replies;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly ObservableGauge<long> _inboxDepth;
    private readonly ObservableGauge<double> _inboxAge;
    private readonly ObservableGauge<long> _outboxDepth;
    private readonly ObservableGauge<double> _outboxAge;
    private volatile BacklogSample? _backlog;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, so each host (and test) has its own.</summary>
    public BotMetrics(IMeterFactory meterFactory)
        : this((meterFactory ?? throw new ArgumentNullException(nameof(meterFactory))).Create(BotTelemetry.SourceName))
    {
    }

    private BotMetrics(Meter meter)
    {
        _turns = meter.CreateCounter<long>(BotTelemetry.Turns, "{turn}", "Turns by activity type, channel and outcome.");
        _turnDuration = meter.CreateHistogram(BotTelemetry.TurnDuration, "s", "A turn's time from the bot's start to its commit.", tags: null, SecondsAdvice);
        _replies = meter.CreateCounter<long>(BotTelemetry.Replies, "{reply}", "Replies taken from the outbox, by result.");
        _retries = meter.CreateCounter<long>(BotTelemetry.ConnectorRetries, "{retry}", "Connector calls tried again.");
        _throttled = meter.CreateCounter<long>(BotTelemetry.ConnectorThrottled, "{response}", "429 answers from the connector.");
        _inboxDepth = meter.CreateObservableGauge(BotTelemetry.InboxDepth, () => Observe(b => (long)b.UnfinishedTurns), "{turn}", "Accepted turns not yet finished.");
        _inboxAge = meter.CreateObservableGauge(BotTelemetry.InboxAge, () => Observe(b => b.OldestTurnAge), "s", "Wait of the oldest unfinished turn.");
        _outboxDepth = meter.CreateObservableGauge(BotTelemetry.OutboxDepth, () => Observe(b => (long)b.UnsentReplies), "{reply}", "Replies not yet sent.");
        _outboxAge = meter.CreateObservableGauge(BotTelemetry.OutboxAge, () => Observe(b => b.OldestReplyAge), "s", "Age of the oldest unsent reply.");
    }

    /// <summary>For parts built without a container: one process-wide meter.</summary>
    internal static BotMetrics Unscoped => UnscopedMetrics.Value;

    /// <summary>True while a listener wants the backlog gauges, so that sampling them is worth a query.</summary>
    internal bool BacklogWanted => _inboxDepth.Enabled || _inboxAge.Enabled || _outboxDepth.Enabled || _outboxAge.Enabled;

    internal void RecordBacklog(JournalBacklog backlog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        _backlog = new BacklogSample(
            backlog.UnfinishedTurns,
            AgeOf(backlog.OldestTurnReceivedAt, now),
            backlog.UnsentReplies,
            AgeOf(backlog.OldestReplyTurnReceivedAt, now));
    }

    internal TurnObservation StartTurn(Activity activity, int attempts)
    {
        var span = Source.StartActivity(BotTelemetry.TurnSpan, ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(BotTelemetry.Tags.ActivityType, activity.Type);
            if (activity.Type == ActivityTypes.Invoke)
            {
                span.SetTag(BotTelemetry.Tags.InvokeName, activity.Name);
            }

            span.SetTag(BotTelemetry.Tags.Channel, activity.ChannelId);
            span.SetTag(BotTelemetry.Tags.ActivityId, activity.Id);
            span.SetTag(BotTelemetry.Tags.Attempts, attempts);
        }

        var started = span is not null || _turnDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        return new TurnObservation(span, started);
    }

    internal void EndTurn(TurnObservation observation, Activity activity, string outcome)
    {
        if (observation.Span is { } span)
        {
            if (span.IsAllDataRequested)
            {
                span.SetTag(BotTelemetry.Tags.Outcome, outcome);
                if (outcome is BotTelemetry.Outcomes.Failed or BotTelemetry.Outcomes.GivenUp or BotTelemetry.Outcomes.Error)
                {
                    span.SetStatus(ActivityStatusCode.Error);
                }
            }

            span.Dispose();
        }

        if (!_turns.Enabled && !_turnDuration.Enabled)
        {
            return;
        }

        var tags = TurnTags(activity, outcome);
        _turns.Add(1, tags);
        if (observation.Started != 0 && _turnDuration.Enabled)
        {
            _turnDuration.Record(Stopwatch.GetElapsedTime(observation.Started).TotalSeconds, tags);
        }
    }

    internal void Duplicate(Activity activity)
    {
        if (_turns.Enabled)
        {
            _turns.Add(1, TurnTags(activity, BotTelemetry.Outcomes.Duplicate));
        }
    }

    internal static DiagnosticActivity? StartReply(OutgoingKind kind)
    {
        var span = Source.StartActivity(BotTelemetry.ReplySpan, ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(BotTelemetry.Tags.ReplyKind, KindName(kind));
        }

        return span;
    }

    internal void EndReply(DiagnosticActivity? span, OutgoingKind kind, OutboxSettlement settlement)
    {
        var result = ResultName(settlement);
        if (span is not null)
        {
            if (span.IsAllDataRequested)
            {
                span.SetTag(BotTelemetry.Tags.ReplyResult, result);
                if (settlement != OutboxSettlement.Sent)
                {
                    span.SetStatus(ActivityStatusCode.Error);
                }
            }

            span.Dispose();
        }

        if (_replies.Enabled)
        {
            _replies.Add(1, new KeyValuePair<string, object?>(BotTelemetry.Tags.ReplyKind, KindName(kind)), new KeyValuePair<string, object?>(BotTelemetry.Tags.ReplyResult, result));
        }
    }

    internal void Retry(string? operation, HttpStatusCode? status, Exception? exception)
    {
        if (!_retries.Enabled)
        {
            return;
        }

        var reason = status is { } code
            ? ((int)code).ToString(CultureInfo.InvariantCulture)
            : exception is HttpRequestException ? "network" : "timeout";
        _retries.Add(1, new KeyValuePair<string, object?>(BotTelemetry.Tags.Operation, operation), new KeyValuePair<string, object?>(BotTelemetry.Tags.RetryReason, reason));
    }

    internal void Throttled(string? operation)
    {
        if (_throttled.Enabled)
        {
            _throttled.Add(1, new KeyValuePair<string, object?>(BotTelemetry.Tags.Operation, operation));
        }
    }

    private static TagList TurnTags(Activity activity, string outcome)
    {
        var tags = new TagList
        {
            { BotTelemetry.Tags.ActivityType, activity.Type },
            { BotTelemetry.Tags.Channel, activity.ChannelId },
            { BotTelemetry.Tags.Outcome, outcome },
        };
        if (activity.Type == ActivityTypes.Invoke)
        {
            tags.Add(BotTelemetry.Tags.InvokeName, activity.Name);
        }

        return tags;
    }

    private static string KindName(OutgoingKind kind) => kind == OutgoingKind.Update ? "update" : "send";

    private static string ResultName(OutboxSettlement settlement) => settlement switch
    {
        OutboxSettlement.Sent => "sent",
        OutboxSettlement.RetryLater => "retry_later",
        _ => "undeliverable",
    };

    private static double AgeOf(DateTimeOffset? oldest, DateTimeOffset now) =>
        oldest is { } at && at < now ? (now - at).TotalSeconds : 0;

    private IEnumerable<Measurement<T>> Observe<T>(Func<BacklogSample, T> read)
        where T : struct =>
        _backlog is { } sample ? [new Measurement<T>(read(sample))] : [];

    private sealed record BacklogSample(int UnfinishedTurns, double OldestTurnAge, int UnsentReplies, double OldestReplyAge);
}

/// <summary>A turn being observed: its span, if anyone listens, and its start on the stopwatch (0 when nobody wants its duration).</summary>
internal readonly record struct TurnObservation(DiagnosticActivity? Span, long Started);
