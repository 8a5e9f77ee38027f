using System.Text.RegularExpressions;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// The text of a message as the dialogs should read it. In group chats and channels Teams puts the bot's at-mention
/// markup (<c>&lt;at&gt;CoachingBot&lt;/at&gt;</c>) into the text; that is not part of the answer.
/// </summary>
public static partial class TurnText
{
    /// <summary>
    /// The text with the recipient's (the bot's) mention markup removed, trimmed, and every run of whitespace, line
    /// breaks included, made one space. Empty, never null, when the activity has no text. Mentions of other people stay.
    /// </summary>
    public static string Normalize(Activity activity) => Normalize(activity, keepLineBreaks: false);

    /// <summary>
    /// As <see cref="Normalize(Activity)"/>, but with <paramref name="keepLineBreaks"/> true line breaks survive (each line
    /// trimmed, blank lines between paragraphs kept as one), for free text such as a reflection.
    /// </summary>
    public static string Normalize(Activity activity, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = RemoveRecipientMentions(activity, text);
        if (!keepLineBreaks)
        {
            return AnyWhitespace().Replace(text, " ").Trim();
        }

        var lines = LineBreak().Split(text).Select(line => HorizontalWhitespace().Replace(line, " ").Trim());
        var joined = string.Join('\n', lines);
        return ThreeOrMoreLineBreaks().Replace(joined, "\n\n").Trim();
    }

    private static string RemoveRecipientMentions(Activity activity, string text)
    {
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is not { Count: > 0 } entities)
        {
            return text;
        }

        foreach (var entity in entities)
        {
            if (!string.Equals(entity.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mention = entity as Mention ?? entity.As<Mention>();
            if (mention?.Mentioned?.Id is { } mentionedId
                && string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnyWhitespace();

    [GeneratedRegex(@"[^\S\r\n]+")]
    private static partial Regex HorizontalWhitespace();

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ThreeOrMoreLineBreaks();
}
