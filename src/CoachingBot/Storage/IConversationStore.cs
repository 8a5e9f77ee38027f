using CoachingBot.Teams.Schema;

namespace CoachingBot.Storage;

/// <summary>The conversations the bot is installed in, kept so it can message them later, unprompted.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Stores or refreshes the reference. True when the conversation is new or had been retired, meaning the bot
    /// should welcome; when several callers race on the same conversation only one gets true. Also true when the
    /// reference's activity is the one that installed it: a turn run again after a crash welcomes as it would have.
    /// A null or unknown <paramref name="timeZone"/> keeps the stored zone; a known one (IANA or Windows id) replaces it.
    /// Throws <see cref="ArgumentException"/> when the reference has no conversation id, channel id or service URL.
    /// </summary>
    Task<bool> UpsertAsync(ConversationReference reference, string? timeZone, CancellationToken cancellationToken = default);

    /// <summary>Marks the conversation as removed (app uninstalled, bot removed). Does nothing when unknown or already retired.</summary>
    Task RetireAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The stored conversation, retired or not, or null when unknown.</summary>
    Task<StoredConversation?> FindAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the user's time zone. False when the conversation is unknown. Throws <see cref="ArgumentException"/> when
    /// <paramref name="timeZone"/> is not a known time zone id.
    /// </summary>
    Task<bool> SetTimeZoneAsync(string conversationId, string timeZone, CancellationToken cancellationToken = default);
}
