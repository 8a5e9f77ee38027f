using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>Short ways to make the messages prompts send.</summary>
public static class MessageFactory
{
    /// <summary>A markdown text message; addressing is filled in when it is sent.</summary>
    public static Activity Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };
    }

    /// <summary>A message carrying <paramref name="attachment"/>, such as a card, with optional text above it.</summary>
    public static Activity Attachment(Attachment attachment, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = text is null ? null : TextFormats.Markdown,
            Attachments = [attachment],
        };
    }
}
