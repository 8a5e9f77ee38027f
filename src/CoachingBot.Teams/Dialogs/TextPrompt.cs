using System.Globalization;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks for free text and returns it as a JSON string (the bot's mention removed, lines trimmed, paragraph breaks kept).
/// An answer over <see cref="TextPromptOptions.MaxLength"/> is refused with its length, never cut short.
/// Takes <see cref="TextPromptOptions"/>.
/// </summary>
public sealed class TextPrompt : Prompt<TextPromptOptions>
{
    /// <summary>Creates the prompt.</summary>
    public TextPrompt(string id, PromptValidator? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, TextPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var text = TurnText.Normalize(turn.Activity, keepLineBreaks: true);
        if (text.Length == 0)
        {
            return PromptRecognition.Reject(PromptTexts.TypeAnAnswer);
        }

        if (options.MaxLength is { } maxLength && text.Length > maxLength)
        {
            return PromptRecognition.Reject(string.Format(CultureInfo.InvariantCulture, PromptTexts.TooLong, text.Length, maxLength));
        }

        return PromptRecognition.Accept(JsonValue.Create(text));
    }

    /// <inheritdoc />
    protected override void CheckOptions(TextPromptOptions options)
    {
        base.CheckOptions(options);
        if (options.MaxLength is <= 0)
        {
            throw new ArgumentException("MaxLength must be positive.", nameof(options));
        }
    }
}
