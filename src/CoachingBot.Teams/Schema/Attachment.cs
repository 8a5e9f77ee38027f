namespace CoachingBot.Teams.Schema;

/// <summary>A card or file attached to a message.</summary>
public sealed class Attachment : ExtensibleObject
{
    /// <summary>The content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The MIME type or card type, such as <see cref="AdaptiveCardContentType"/>.</summary>
    public string? ContentType { get; set; }
    /// <summary>A link to the content.</summary>
    public string? ContentUrl { get; set; }
    /// <summary>The content itself: a card object when sending, a <see cref="System.Text.Json.JsonElement"/> when read.</summary>
    public object? Content { get; set; }
    /// <summary>A file name.</summary>
    public string? Name { get; set; }
    /// <summary>A thumbnail link.</summary>
    public string? ThumbnailUrl { get; set; }
}

/// <summary>Buttons shown beside the compose box until the user picks one.</summary>
public sealed class SuggestedActions : ExtensibleObject
{
    /// <summary>Ids of the recipients who see the actions.</summary>
    public IList<string>? To { get; set; }
    /// <summary>The buttons.</summary>
    public IList<CardAction>? Actions { get; set; }
}

/// <summary>A clickable action on a suggested action or a legacy card.</summary>
public sealed class CardAction : ExtensibleObject
{
    /// <summary>"imBack", "messageBack", "openUrl" and so on.</summary>
    public string? Type { get; set; }
    /// <summary>Button label.</summary>
    public string? Title { get; set; }
    /// <summary>The value sent back.</summary>
    public object? Value { get; set; }
    /// <summary>Text sent back by messageBack.</summary>
    public string? Text { get; set; }
    /// <summary>Text shown in the chat by messageBack.</summary>
    public string? DisplayText { get; set; }
    /// <summary>Icon link.</summary>
    public string? Image { get; set; }
}
