using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Where turns are made durable: the inbox of accepted activities (which is also the resend de-duplication), the
/// outbox of replies a finished turn wants sent, and the per-conversation lane lease that lets one instance at a
/// time run a conversation's turns. An implementation on a shared database makes turns survive a crash and keeps
/// a conversation's turns in order across instances.
/// </summary>
public interface ITurnJournal
{
    /// <summary>
    /// Stores <paramref name="activity"/> before it is acknowledged. Returns null when the same activity id was
    /// accepted before in that conversation (a resend). With <paramref name="runsInline"/>, the turn is run by the
    /// caller while the request waits (an invoke), so it is never taken up by recovery.
    /// </summary>
    Task<JournalTurn?> AcceptAsync(Activity activity, bool runsInline, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the conversation's lane for <paramref name="owner"/> until <paramref name="duration"/> from now, when it
    /// is free, expired, or already held by that owner. Null when another owner holds it.
    /// </summary>
    Task<LaneLease?> TryClaimLaneAsync(string conversationId, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lane up, if <paramref name="lease"/> still holds it.</summary>
    Task ReleaseLaneAsync(LaneLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conversation's oldest unfinished turn (not inline), counted as one more attempt; null when there is none.
    /// </summary>
    Task<JournalTurn?> NextTurnAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: applies <paramref name="stateWrites"/> (each checked against its ETag), queues
    /// <paramref name="operations"/> in the outbox in order, marks <paramref name="turn"/> finished, and renews the
    /// lease. Throws <see cref="Dialogs.DialogStateConflictException"/> when a state write lost a race, and
    /// <see cref="LaneLostException"/> when the lease was taken over; in both cases nothing is changed.
    /// </summary>
    Task CompleteTurnAsync(
        LaneLease lease,
        JournalTurn turn,
        IReadOnlyList<StateWrite> stateWrites,
        IReadOnlyList<OutgoingOperation> operations,
        CancellationToken cancellationToken = default);

    /// <summary>The conversation's replies not yet sent, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> UnsentAsync(string conversationId, int max, CancellationToken cancellationToken = default);

    /// <summary>Records what became of one reply.</summary>
    Task SettleAsync(OutboxEntry entry, OutboxSettlement settlement, CancellationToken cancellationToken = default);

    /// <summary>Conversations with unfinished turns or unsent replies whose lane is free or expired.</summary>
    Task<IReadOnlyList<string>> ConversationsWithWorkAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Forgets finished turns and settled replies older than <paramref name="olderThan"/>; returns how many rows went.</summary>
    Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default);
}

/// <summary>An accepted activity, as the journal holds it.</summary>
/// <param name="Key">The journal's key for the turn (conversation and activity id).</param>
/// <param name="Activity">The activity as it arrived.</param>
/// <param name="Attempts">How many times the turn has been started, this one included.</param>
public sealed record JournalTurn(string Key, Activity Activity, int Attempts)
{
    /// <summary>The key for <paramref name="activity"/>: its conversation and id, which Teams repeats on a resend.</summary>
    public static string KeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        // An activity without an id cannot be a resend of another: it gets a key of its own.
        return conversationId + "|" + (string.IsNullOrEmpty(activity.Id) ? "~" + Guid.NewGuid().ToString("N") : activity.Id);
    }
}

/// <summary>A held conversation lane.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Owner">The instance holding it.</param>
/// <param name="Duration">How long each claim or renewal lasts.</param>
public sealed record LaneLease(string ConversationId, string Owner, TimeSpan Duration);

/// <summary>A reply waiting to be sent.</summary>
/// <param name="TurnKey">The turn that queued it.</param>
/// <param name="Index">Its place among that turn's replies.</param>
/// <param name="Operation">What to send.</param>
/// <param name="Attempts">Failed tries so far.</param>
public sealed record OutboxEntry(string TurnKey, int Index, OutgoingOperation Operation, int Attempts);

/// <summary>What became of a reply.</summary>
public enum OutboxSettlement
{
    /// <summary>The connector accepted it.</summary>
    Sent,
    /// <summary>It failed for now (throttled, the connector unreachable); try again later.</summary>
    RetryLater,
    /// <summary>It can never be delivered (the app was removed, the request refused); give up on it.</summary>
    Undeliverable,
}

/// <summary>The lane's lease expired and another instance took the conversation over.</summary>
public sealed class LaneLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LaneLostException() : base("The conversation's lane was taken over by another instance.") { }
    /// <summary>Creates the exception with a message.</summary>
    public LaneLostException(string message) : base(message) { }
    /// <summary>Creates the exception with a message and cause.</summary>
    public LaneLostException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A change to keyed state that a turn commits with its replies.</summary>
/// <param name="Key">The state's key.</param>
/// <param name="Json">The new value; null deletes it.</param>
/// <param name="ETag">The version read; null when nothing was stored.</param>
public sealed record StateWrite(string Key, string? Json, string? ETag);
