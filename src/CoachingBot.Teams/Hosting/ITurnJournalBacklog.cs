namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Reads how much work the <see cref="ITurnJournal"/> holds, for the inbox and outbox gauges. Optional: without one
/// registered the gauges report nothing. It is read by turn recovery at its interval, and only while someone listens
/// to the gauges, so a scrape never costs a query.
/// </summary>
public interface ITurnJournalBacklog
{
    /// <summary>The journal's unfinished turns and unsent replies, across all instances.</summary>
    Task<JournalBacklog> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>What the journal holds that is not done yet.</summary>
/// <param name="UnfinishedTurns">Accepted turns not finished (inline invokes excluded).</param>
/// <param name="OldestTurnReceivedAt">When the oldest of them was accepted; null when there is none.</param>
/// <param name="UnsentReplies">Replies not yet settled.</param>
/// <param name="OldestReplyTurnReceivedAt">When the turn behind the oldest unsent reply was accepted; null when there is none.</param>
public sealed record JournalBacklog(int UnfinishedTurns, DateTimeOffset? OldestTurnReceivedAt, int UnsentReplies, DateTimeOffset? OldestReplyTurnReceivedAt);
