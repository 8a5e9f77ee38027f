namespace CoachingBot.Teams.Schema;

/// <summary>What the bot keeps to message a conversation later, unprompted.</summary>
public sealed class ConversationReference : ExtensibleObject
{
    /// <summary>The activity the reference was taken from.</summary>
    public string? ActivityId { get; set; }
    /// <summary>The user.</summary>
    public ChannelAccount? User { get; set; }
    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The channel id.</summary>
    public string? ChannelId { get; set; }
    /// <summary>The connector's base URL.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>The user's locale.</summary>
    public string? Locale { get; set; }
}
