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
}
