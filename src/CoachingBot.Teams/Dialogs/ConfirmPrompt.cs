using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks a yes/no question and returns a JSON boolean. Takes yes and no in their common forms ("yes please", "yep",
/// "sure", "ok", "no thanks", "nope", "not really"; see <see cref="YesNoWords"/>), in any case and with any
/// punctuation. Shows Yes and No buttons that post their label back as text.
/// Takes <see cref="PromptOptions"/>.
/// </summary>
public sealed class ConfirmPrompt : Prompt<PromptOptions>
{
    /// <summary>Creates the prompt.</summary>
    public ConfirmPrompt(string id, PromptValidator? validator = null) : base(id, validator)
    {
    }

    /// <summary>Anything it recognises (yes or no in any of its common forms) answers this question, however soon it follows a typed answer.</summary>
    protected override bool IsExactAnswer(TurnContext turn, PromptOptions options) => Recognize(turn, options).Succeeded;

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return YesNoWords.Read(TurnText.Normalize(turn.Activity)) is { } answer
            ? PromptRecognition.Accept(JsonValue.Create(answer))
            : PromptRecognition.Reject(PromptTexts.YesOrNo);
    }

    /// <inheritdoc />
    protected override void SendPrompt(TurnContext turn, PromptOptions options, string? reason, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        if (reason is not null)
        {
            turn.SendText(reason);
        }

        turn.Send(WithAttachment(Question(options, isRetry), ChoiceButtons.Card([PromptTexts.Yes, PromptTexts.No], PromptTexts.YesOrNo)));
    }
}
