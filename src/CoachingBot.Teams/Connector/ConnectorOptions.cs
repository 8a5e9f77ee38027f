namespace CoachingBot.Teams.Connector;

/// <summary>
/// Retries, timeouts and send pacing for Bot Connector calls, bound from <c>Bot:Connector</c>.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>Retries after the first attempt (0 to 10). Zero sends each call once.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The median first backoff; later ones grow exponentially, with jitter. Used when the connector sends no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between attempts. A <c>Retry-After</c> asking for more ends the call at once
    /// (throttled or failed) instead of holding the caller; backoff delays are capped to it too.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one HTTP attempt may take before it counts as a failure and is retried (10 ms to 1 day).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Paces sends, replies, updates and deletes to each conversation under Teams' per-conversation limits
    /// (7 a second, 8 per 2 s, 60 per 30 s, 1,800 an hour) by waiting, instead of drawing 429s.
    /// </summary>
    public bool EnablePerConversationRateLimit { get; set; } = true;

    /// <summary>
    /// How many calls may wait for a permit in one conversation; one more is answered
    /// <see cref="ConnectorOutcome.Throttled"/> without being sent.
    /// </summary>
    public int RateLimitQueueLimit { get; set; } = 100;
}
