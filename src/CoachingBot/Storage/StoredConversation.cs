using CoachingBot.Teams.Schema;

namespace CoachingBot.Storage;

/// <summary>
/// A stored conversation. The user fields are set for personal chats only; <c>TimeZone</c> is an IANA id;
/// <c>RemovedAt</c> is null while the bot is installed; <c>Reference</c> is the reference exactly as stored,
/// including the fields this project does not model.
/// </summary>
public sealed record StoredConversation(
    string ConversationId,
    string ChannelId,
    string ServiceUrl,
    string? TenantId,
    string? ConversationType,
    string? BotId,
    string? BotName,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? Locale,
    string? TimeZone,
    DateTimeOffset InstalledAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RemovedAt,
    ConversationReference Reference)
{
    public bool IsRetired => RemovedAt is not null;
}
