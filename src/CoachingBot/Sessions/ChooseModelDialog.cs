using CoachingBot.Models;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// <c>start</c>: two questions, then a recommended model with the course text's reasoning: GROW focuses on goals
/// and can assume too much of a client who cannot yet name one; Egan starts from the current picture; Ali and
/// Graham put weight on agreeing what the conversation is for.
/// </summary>
public sealed class ChooseModelDialog : WaterfallDialog
{
    public const string DialogId = "session.choose";

    public const string GoalQuestion = "Can you already say what you want to achieve?";
    public const string NeedQuestion = "What would help you most right now?";

    public static IReadOnlyList<string> GoalChoices { get; } = ["Yes, clearly", "Roughly", "Not yet"];

    public static IReadOnlyList<string> NeedChoices { get; } = ["Acting on a goal", "Making sense of things", "Agreeing what to work on"];

    private const string GoalKey = "goal";
    private const string ModelKey = "model";

    public ChooseModelDialog()
        : base(DialogId)
    {
        AddStep(AskGoalStepAsync);
        AddStep(AskNeedStepAsync);
        AddStep(RecommendStepAsync);
        AddStep(StartStepAsync);
        AddStep(EndStepAsync);
    }

    /// <summary>The recommendation and why, from the two answers.</summary>
    public static (CoachingModel Model, string Why) Recommend(string goalAnswer, string needAnswer)
    {
        if (needAnswer == NeedChoices[2])
        {
            return (CoachingModels.AliGraham, "Ali and Graham put weight on the contract: agreeing first what the conversation is for, then exploring, evaluating and planning.");
        }

        if (goalAnswer == GoalChoices[0] && needAnswer == NeedChoices[0])
        {
            return (CoachingModels.Grow, "GROW focuses on your goal: you know what you want, so we can start there and work towards what you will do.");
        }

        return (CoachingModels.Egan, "GROW can assume a clear goal from the start. Egan's Skilled Helper begins with the current picture (what is going on?) and finds the goal from there, in the preferred picture.");
    }

    private static Task<DialogTurnResult> AskGoalStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(SessionPrompts.Choice, Choices(GoalQuestion, GoalChoices), cancellationToken);

    private static Task<DialogTurnResult> AskNeedStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[GoalKey] = step.Result?.DeepClone();
        return step.PromptAsync(SessionPrompts.Choice, Choices(NeedQuestion, NeedChoices), cancellationToken);
    }

    private static Task<DialogTurnResult> RecommendStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var (model, why) = Recommend(step.Values[GoalKey]!.GetValue<string>(), step.Result!.GetValue<string>());
        step.Values[ModelKey] = model.Id;
        var question = $"I suggest **{model.Name}**. {why}\n\nShall we start it now? (You can also type **grow**, **egan** or **aligraham** at any time.)";
        return step.PromptAsync(SessionPrompts.Confirm, new PromptOptions { Prompt = MessageFactory.Text(question) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> StartStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<bool>() != true)
        {
            step.Context.SendText("All right. Type **start** again whenever you like, or **help** to see what I can do.");
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var model = CoachingModels.Find(step.Values[ModelKey]!.GetValue<string>())!;
        return await step.BeginDialogAsync(StartConversationDialog.DialogId, StartConversationDialog.Options(model), cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> EndStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result?.DeepClone(), cancellationToken);

    private static ChoicePromptOptions Choices(string question, IReadOnlyList<string> choices) => new()
    {
        Prompt = MessageFactory.Text(question),
        Choices = [.. choices.Select(choice => new PromptChoice(choice))],
    };
}
