using System.Text.Json;

namespace CoachingBot.Teams.Schema;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed class ResourceResponse : ExtensibleObject
{
    /// <summary>The id of the created or updated resource.</summary>
    public string? Id { get; set; }
}

/// <summary>The body of <c>POST /v3/conversations</c>.</summary>
public sealed class ConversationParameters : ExtensibleObject
{
    /// <summary>False for a 1:1 chat.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The members; one user for a 1:1 chat.</summary>
    public IList<ChannelAccount>? Members { get; set; }
    /// <summary>Topic, for group conversations.</summary>
    public string? TopicName { get; set; }
    /// <summary>The tenant id.</summary>
    public string? TenantId { get; set; }
    /// <summary>A first activity to send, optionally.</summary>
    public Activity? Activity { get; set; }
    /// <summary>Teams needs <c>{"tenant":{"id":...}}</c> here.</summary>
    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>The connector's answer to creating a conversation.</summary>
public sealed class ConversationResourceResponse : ExtensibleObject
{
    /// <summary>The conversation id.</summary>
    public string? Id { get; set; }
    /// <summary>The id of the first activity, when one was sent.</summary>
    public string? ActivityId { get; set; }
    /// <summary>The service URL to use for the conversation.</summary>
    public string? ServiceUrl { get; set; }
}

/// <summary>One page of a conversation's members.</summary>
public sealed class PagedMembersResult : ExtensibleObject
{
    /// <summary>Pass back to get the next page; null on the last page.</summary>
    public string? ContinuationToken { get; set; }
    /// <summary>The members on this page.</summary>
    public IList<TeamsChannelAccount>? Members { get; set; }
}

/// <summary>The error body the connector returns.</summary>
public sealed class ErrorResponse : ExtensibleObject
{
    /// <summary>The error.</summary>
    public ErrorDetail? Error { get; set; }
}

/// <summary>An error code and message, such as <c>BotNotInConversationRoster</c>.</summary>
public sealed class ErrorDetail : ExtensibleObject
{
    /// <summary>The error code.</summary>
    public string? Code { get; set; }
    /// <summary>A description.</summary>
    public string? Message { get; set; }
}

/// <summary>The HTTP answer to an invoke activity: a status and a body written as the response.</summary>
public sealed class InvokeResponse
{
    /// <summary>The HTTP status code.</summary>
    public int Status { get; init; } = 200;
    /// <summary>The body, written as JSON; null for none.</summary>
    public object? Body { get; init; }
}

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    /// <summary>The status code.</summary>
    public int StatusCode { get; init; } = 200;
    /// <summary>"application/vnd.microsoft.card.adaptive" to replace the card, "application/vnd.microsoft.activity.message" for a message.</summary>
    public string Type { get; init; } = Attachment.AdaptiveCardContentType;
    /// <summary>The card, or the message text.</summary>
    public object? Value { get; init; }
}

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeValue : ExtensibleObject
{
    /// <summary>The action that was taken.</summary>
    public AdaptiveCardInvokeAction? Action { get; set; }
    /// <summary>How the invoke came about.</summary>
    public string? Trigger { get; set; }
}

/// <summary>An <c>Action.Execute</c> as it arrives.</summary>
public sealed class AdaptiveCardInvokeAction : ExtensibleObject
{
    /// <summary>"Action.Execute".</summary>
    public string? Type { get; set; }
    /// <summary>The action id.</summary>
    public string? Id { get; set; }
    /// <summary>The verb the card set.</summary>
    public string? Verb { get; set; }
    /// <summary>The action's data merged with the card's inputs.</summary>
    public JsonElement? Data { get; set; }
}
