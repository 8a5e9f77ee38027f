using System.Text.Json;

namespace CoachingBot.Teams.Schema;

/// <summary>
/// One Bot Connector activity. Field names and meanings follow the Bot Framework Activity schema;
/// fields not listed here are kept in <see cref="ExtensibleObject.AdditionalProperties"/>.
/// </summary>
public sealed class Activity : ExtensibleObject
{
    /// <summary>The activity type; see <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }
    /// <summary>The id the channel gave the activity. Teams resends with the same id.</summary>
    public string? Id { get; set; }
    /// <summary>When the channel received it, in UTC.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>The sender's local time with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>The sender's IANA time zone, when the client says.</summary>
    public string? LocalTimezone { get; set; }
    /// <summary>The base URL of the Bot Connector to answer through.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>"msteams" for Teams.</summary>
    public string? ChannelId { get; set; }
    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; set; }
    /// <summary>"plain", "markdown" or "xml".</summary>
    public string? TextFormat { get; set; }
    /// <summary>"list" or "carousel".</summary>
    public string? AttachmentLayout { get; set; }
    /// <summary>Members who joined (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>Members who left (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>"add" or "remove" on an installationUpdate.</summary>
    public string? Action { get; set; }
    /// <summary>The message text. In group chats it includes the bot's at-mention markup.</summary>
    public string? Text { get; set; }
    /// <summary>Spoken text.</summary>
    public string? Speak { get; set; }
    /// <summary>"acceptingInput", "ignoringInput" or "expectingInput".</summary>
    public string? InputHint { get; set; }
    /// <summary>Text shown where attachments cannot be.</summary>
    public string? Summary { get; set; }
    /// <summary>Buttons offered beside the compose box.</summary>
    public SuggestedActions? SuggestedActions { get; set; }
    /// <summary>Cards and files.</summary>
    public IList<Attachment>? Attachments { get; set; }
    /// <summary>Mentions, client info and other entities.</summary>
    public IList<Entity>? Entities { get; set; }
    /// <summary>Teams' own data: tenant, team, channel, event type.</summary>
    public TeamsChannelData? ChannelData { get; set; }
    /// <summary>The activity this one answers (for a card submit: the card's message).</summary>
    public string? ReplyToId { get; set; }
    /// <summary>The name of an invoke or event, such as <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }
    /// <summary>Card submit data, or an invoke's payload.</summary>
    public JsonElement? Value { get; set; }
    /// <summary>The type of <see cref="Value"/>, where given.</summary>
    public string? ValueType { get; set; }
    /// <summary>The sender's locale, such as <c>en-GB</c>.</summary>
    public string? Locale { get; set; }
    /// <summary>A reference to another conversation, on some events.</summary>
    public ConversationReference? RelatesTo { get; set; }
    /// <summary>"low", "normal" or "high".</summary>
    public string? Importance { get; set; }
    /// <summary>"normal", "notification" or "expectReplies".</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Creates a message to send back into this activity's conversation, addressed to its sender.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            Name = Conversation.Name,
            IsGroup = Conversation.IsGroup,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
        },
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = "bot" },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
        TextFormat = text is null ? null : TextFormats.Markdown,
    };

    /// <summary>The reference needed to message this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>The tenant id, from the Teams channel data or the conversation.</summary>
    public string? GetTenantId() => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>True when the activity comes from a personal (one-to-one) chat.</summary>
    public bool IsPersonalChat() =>
        Conversation?.ConversationType is null or ConversationTypes.Personal && Conversation?.IsGroup != true;
}

/// <summary>Text formats.</summary>
public static class TextFormats
{
    /// <summary>Markdown (Teams renders a subset).</summary>
    public const string Markdown = "markdown";
    /// <summary>Plain text.</summary>
    public const string Plain = "plain";
    /// <summary>XML/HTML (Teams renders a subset).</summary>
    public const string Xml = "xml";
}
