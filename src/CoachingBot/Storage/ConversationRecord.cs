namespace CoachingBot.Storage;

/// <summary>A conversation the bot was installed in: the reference it needs to message it unprompted.</summary>
internal sealed class ConversationRecord
{
    public required string ConversationId { get; set; }
    public required string ChannelId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    public string? ConversationType { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }

    /// <summary>Only for personal chats: in a group chat the reference's user is merely whoever spoke last.</summary>
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }

    /// <summary>IANA id.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>The activity whose turn installed (or revived) it, so that turn run again after a crash still welcomes.</summary>
    public string? InstalledBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the app was uninstalled or the bot removed; cleared when it comes back.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>The whole serialized reference, so that fields not modelled above survive the round trip.</summary>
    public required string ReferenceJson { get; set; }
}
