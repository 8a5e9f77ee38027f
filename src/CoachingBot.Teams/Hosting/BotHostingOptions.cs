namespace CoachingBot.Teams.Hosting;

/// <summary>Limits of the <c>/api/messages</c> endpoint, bound from <c>Bot:Hosting</c>.</summary>
public sealed class BotHostingOptions
{
    /// <summary>The largest request body accepted, in bytes. Teams messages are capped near 28 KB; cards submits are small.</summary>
    public int MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>Turns queued or running at once before the endpoint answers 503 with Retry-After.</summary>
    public int MaxPendingTurns { get; set; } = 2_000;

    /// <summary>How long shutdown waits for turns already taken in.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a claim on a conversation's lane lasts; renewed with each turn, and taken over by another instance when its holder dies.</summary>
    public TimeSpan LaneLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each instance looks for turns and replies that no lane is working on.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How soon a lane held by another instance is tried again.</summary>
    public TimeSpan LaneRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How soon a reply the connector could not take is tried again.</summary>
    public TimeSpan SendRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an invoke waits for its conversation's lane before answering 503.</summary>
    public TimeSpan InvokeLaneWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts of one turn (each crash during it counts one) before it is answered with an apology instead of run again.
    /// Ten: a process restarted again and again (a crash loop, a platform recycling it) is often killed while it takes up
    /// the work the last one left, so an innocent turn can be in flight at several deaths in a row; only a turn that
    /// itself takes the process down every time should be given up, and ten restarts are a small price for not
    /// apologising for one that did nothing wrong.
    /// </summary>
    public int MaxTurnAttempts { get; set; } = 10;

    /// <summary>Runs of one turn that lose a dialog-state race before it is given up.</summary>
    public int MaxStateAttempts { get; set; } = 3;

    /// <summary>Tries of one reply that fail for now (throttled, connector down) before it is given up.</summary>
    public int MaxSendAttempts { get; set; } = 5;
}
