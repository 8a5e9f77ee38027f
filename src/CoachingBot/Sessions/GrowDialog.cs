using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Sessions;

/// <summary>
/// The first GROW conversation: the Goal on a card (the client's words and SMART), then the Reality, played back
/// at the end. The full model (Options, Will, actions, FIRST) extends this with the coaching-sessions work.
/// </summary>
public sealed class GrowDialog : WaterfallDialog
{
    public const string DialogId = nameof(GrowDialog);
    public const string GoalPromptId = nameof(GrowDialog) + ".Goal";
    public const string AnswerPromptId = nameof(GrowDialog) + ".Answer";
    public const int MaxAnswerLength = 2_000;

    public const string GoalQuestion = "Let's start with your **Goal**. What would you like to achieve? Fill in the card: put the goal in your own words, then make it SMART.";
    public const string RealityQuestion = "Now the **Reality**. What is happening now in relation to that goal? What have you tried so far, and what is getting in the way?";
    public const string ClosingNote = "That's as far as GROW goes in this first version: the Options and Will stages, with cards for your actions, are coming. Type **grow** to start again, or **help** to see what I can do.";

    private const string GoalKey = "goal";
    private const string RealityKey = "reality";

    public GrowDialog()
        : base(DialogId)
    {
        AddStep(GoalStepAsync);
        AddStep(RealityStepAsync);
        AddStep(SummaryStepAsync);
    }

    /// <summary>The prompt that shows the goal card and checks what comes back, dates in the user's own time zone.</summary>
    public static CardFormPrompt<GoalDraft> CreateGoalPrompt(TimeProvider time) =>
        new(GoalPromptId, GoalCard.Form, (value, turn) => GoalCard.Read(value, UserClock.Today(turn.Activity, time)));

    public static string Summary(GoalDraft goal, string reality)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return $"""
            Here is what I heard.

            **Goal:** {goal.Goal} (by {goal.TargetDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})

            **Reality:** {reality}

            {ClosingNote}
            """;
    }

    private static Task<DialogTurnResult> GoalStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(GoalPromptId, new CardFormPromptOptions { Prompt = MessageFactory.Text(GoalQuestion) }, cancellationToken);

    private static Task<DialogTurnResult> RealityStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[GoalKey] = step.Result?.DeepClone();
        var goal = step.ResultAs<GoalDraft>()!;

        // Replace the form with what was saved, so the same card cannot be sent twice.
        if (step.Context.Activity.ReplyToId is { Length: > 0 } cardActivityId)
        {
            step.Context.Update(cardActivityId, MessageFactory.Attachment(GoalCard.Saved(goal).ToAttachment()));
        }

        return step.PromptAsync(AnswerPromptId, Question(RealityQuestion), cancellationToken);
    }

    private static Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var goal = step.Values[GoalKey].Deserialize<GoalDraft>(BotJson.Options)!;
        var reality = step.Result?.GetValue<string>() ?? string.Empty;
        step.Context.SendText(Summary(goal, reality));
        return step.EndDialogAsync(new JsonObject { [GoalKey] = step.Values[GoalKey]?.DeepClone(), [RealityKey] = reality }, cancellationToken);
    }

    private static TextPromptOptions Question(string text) => new()
    {
        Prompt = MessageFactory.Text(text),
        MaxLength = MaxAnswerLength,
    };
}
