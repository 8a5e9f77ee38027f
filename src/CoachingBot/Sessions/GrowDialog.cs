using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// The first GROW conversation: the Goal, then the Reality, played back at the end. The full model
/// (Options, Will, cards, FIRST) replaces this with the coaching-sessions work.
/// </summary>
public sealed class GrowDialog : WaterfallDialog
{
    public const string DialogId = nameof(GrowDialog);
    public const string AnswerPromptId = nameof(GrowDialog) + ".Answer";
    public const int MaxAnswerLength = 2_000;

    public const string GoalQuestion = "Let's start with your **Goal**. What would you like to achieve? It can be for this conversation or further ahead; put it in your own words.";
    public const string RealityQuestion = "Now the **Reality**. What is happening now in relation to that goal? What have you tried so far, and what is getting in the way?";
    public const string ClosingNote = "That's as far as GROW goes in this first version: the Options and Will stages, with cards for your goal and actions, are coming. Type **grow** to start again, or **help** to see what I can do.";

    private const string GoalKey = "goal";
    private const string RealityKey = "reality";

    public GrowDialog()
        : base(DialogId)
    {
        AddStep(GoalStepAsync);
        AddStep(RealityStepAsync);
        AddStep(SummaryStepAsync);
    }

    public static string Summary(string goal, string reality) =>
        $"""
        Here is what I heard.

        **Goal:** {goal}

        **Reality:** {reality}

        {ClosingNote}
        """;

    private static Task<DialogTurnResult> GoalStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(AnswerPromptId, Question(GoalQuestion), cancellationToken);

    private static Task<DialogTurnResult> RealityStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[GoalKey] = step.Result?.DeepClone();
        return step.PromptAsync(AnswerPromptId, Question(RealityQuestion), cancellationToken);
    }

    private static Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var goal = step.Values[GoalKey]?.GetValue<string>() ?? string.Empty;
        var reality = step.Result?.GetValue<string>() ?? string.Empty;
        step.Context.SendText(Summary(goal, reality));
        return step.EndDialogAsync(new JsonObject { [GoalKey] = goal, [RealityKey] = reality }, cancellationToken);
    }

    private static TextPromptOptions Question(string text) => new()
    {
        Prompt = MessageFactory.Text(text),
        MaxLength = MaxAnswerLength,
    };
}
