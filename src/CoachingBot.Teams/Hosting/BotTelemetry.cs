namespace CoachingBot.Teams.Hosting;

/// <summary>
/// The names of the protocol library's traces and metrics, in one place: its <see cref="System.Diagnostics.ActivitySource"/>
/// and <see cref="System.Diagnostics.Metrics.Meter"/> are both named <see cref="SourceName"/>. No tag ever carries what a
/// user wrote or a person's name: only protocol names (activity type, invoke name, channel), ids Teams generates, and
/// outcomes from the short lists below.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The ActivitySource and the Meter: subscribe to this name (<c>AddSource</c>, <c>AddMeter</c>, <c>dotnet-counters --counters</c>).</summary>
    public const string SourceName = "CoachingBot.Teams";

    /// <summary>Span: one turn, from the bot's start to its state and replies committed. Tags: activity type, invoke name, channel, activity id, outcome, attempts.</summary>
    public const string TurnSpan = "bot.turn";

    /// <summary>Span: one reply from the outbox to the connector. Tags: reply kind, reply result.</summary>
    public const string ReplySpan = "bot.reply";

    /// <summary>Counter, <c>{turn}</c>: turns by activity type, invoke name, channel and outcome (resends included, as <see cref="Outcomes.Duplicate"/>).</summary>
    public const string Turns = "coachingbot.turns";

    /// <summary>Histogram, seconds: a turn's time from the bot's start to its commit, by activity type, invoke name, channel and outcome.</summary>
    public const string TurnDuration = "coachingbot.turn.duration";

    /// <summary>Counter, <c>{reply}</c>: replies taken from the outbox by reply kind and result.</summary>
    public const string Replies = "coachingbot.replies";

    /// <summary>Counter, <c>{retry}</c>: connector calls tried again, by operation and reason (an HTTP status, <c>timeout</c> or <c>network</c>).</summary>
    public const string ConnectorRetries = "coachingbot.connector.retries";

    /// <summary>Counter, <c>{response}</c>: 429 answers from the connector, by operation, retried or not.</summary>
    public const string ConnectorThrottled = "coachingbot.connector.throttled";

    /// <summary>Gauge, <c>{turn}</c>: accepted turns not yet finished (all instances), sampled by turn recovery.</summary>
    public const string InboxDepth = "coachingbot.inbox.depth";

    /// <summary>Gauge, seconds: how long the oldest unfinished turn has waited since it was accepted; 0 when there is none.</summary>
    public const string InboxAge = "coachingbot.inbox.age";

    /// <summary>Gauge, <c>{reply}</c>: replies in the outbox not yet settled (all instances), sampled by turn recovery.</summary>
    public const string OutboxDepth = "coachingbot.outbox.depth";

    /// <summary>Gauge, seconds: age of the oldest unsent reply, counted from its turn's arrival; 0 when there is none.</summary>
    public const string OutboxAge = "coachingbot.outbox.age";

    /// <summary>Tag keys.</summary>
    public static class Tags
    {
        /// <summary>The activity's type: <c>message</c>, <c>invoke</c>, <c>conversationUpdate</c>, ...</summary>
        public const string ActivityType = "bot.activity.type";

        /// <summary>An invoke's name, such as <c>adaptiveCard/action</c>; only on invokes.</summary>
        public const string InvokeName = "bot.invoke.name";

        /// <summary>The activity's channel id: <c>msteams</c>, <c>emulator</c>, ...</summary>
        public const string Channel = "bot.channel";

        /// <summary>The id Teams gave the activity (spans only, never a metric): ties a span to the turn's log scope.</summary>
        public const string ActivityId = "bot.activity.id";

        /// <summary>How the turn ended: one of <see cref="Outcomes"/>.</summary>
        public const string Outcome = "bot.turn.outcome";

        /// <summary>How many times the turn was started, this one included (spans only).</summary>
        public const string Attempts = "bot.turn.attempts";

        /// <summary><c>send</c> or <c>update</c>.</summary>
        public const string ReplyKind = "bot.reply.kind";

        /// <summary>What became of a reply: <c>sent</c>, <c>retry_later</c>, <c>undeliverable</c>.</summary>
        public const string ReplyResult = "bot.reply.result";

        /// <summary>The connector operation: <c>SendToConversation</c>, <c>UpdateActivity</c>, ...</summary>
        public const string Operation = "bot.connector.operation";

        /// <summary>Why a connector call was retried: the HTTP status (<c>429</c>, <c>503</c>, ...), <c>timeout</c> or <c>network</c>.</summary>
        public const string RetryReason = "bot.connector.retry_reason";
    }

    /// <summary>Values of <see cref="Tags.Outcome"/>.</summary>
    public static class Outcomes
    {
        /// <summary>The bot ran the turn and its state and replies were committed.</summary>
        public const string Completed = "completed";

        /// <summary>As completed, after running again because the dialog state changed under it.</summary>
        public const string Retried = "retried";

        /// <summary>The bot threw; the user was told something went wrong, and that was committed.</summary>
        public const string Failed = "failed";

        /// <summary>Started too often (crashes) or its state never settled: answered with an apology, not run.</summary>
        public const string GivenUp = "given_up";

        /// <summary>A resend of an activity already accepted: not run again.</summary>
        public const string Duplicate = "duplicate";

        /// <summary>Stopped by shutdown or a lost lane lease; it stays in the journal and runs again.</summary>
        public const string Cancelled = "cancelled";

        /// <summary>The commit found the lane taken over by another instance, which runs the turn.</summary>
        public const string LaneLost = "lane_lost";

        /// <summary>Anything else stopped it (the database unreachable); recovery runs it again.</summary>
        public const string Error = "error";
    }
}
