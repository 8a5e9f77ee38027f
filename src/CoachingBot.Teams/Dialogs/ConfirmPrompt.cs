using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks a yes/no question and returns a JSON boolean. Takes yes, y, yeah, sure, ok and no, n, nope, in any case,
/// with trailing full stops or exclamation marks. Shows Yes and No buttons that post their label back as text.
/// Takes <see cref="PromptOptions"/>.
/// </summary>
public sealed class ConfirmPrompt : Prompt<PromptOptions>
{
    private static readonly HashSet<string> Yes = new(["yes", "y", "yeah", "sure", "ok"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["no", "n", "nope"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the prompt.</summary>
    public ConfirmPrompt(string id, PromptValidator? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = TurnText.Normalize(turn.Activity).TrimEnd('.', '!');
        return Yes.Contains(text) ? PromptRecognition.Accept(JsonValue.Create(true))
            : No.Contains(text) ? PromptRecognition.Accept(JsonValue.Create(false))
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

        turn.Send(WithAttachment(Question(options, isRetry), ChoiceButtons.Card(["Yes", "No"], "Please answer yes or no.")));
    }
}
