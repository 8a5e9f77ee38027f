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

    public static string GoalQuestion => SessionReplies.ChooseGoalQuestion;
    public static string NeedQuestion => SessionReplies.ChooseNeedQuestion;

    public static IReadOnlyList<string> GoalChoices => [SessionReplies.ChooseGoalClearly, SessionReplies.ChooseGoalRoughly, SessionReplies.ChooseGoalNotYet];

    public static IReadOnlyList<string> NeedChoices => [SessionReplies.ChooseNeedActing, SessionReplies.ChooseNeedSenseMaking, SessionReplies.ChooseNeedAgreeing];

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
            return (CoachingModels.AliGraham, SessionReplies.ChooseWhyAliGraham);
        }

        if (goalAnswer == GoalChoices[0] && needAnswer == NeedChoices[0])
        {
            return (CoachingModels.Grow, SessionReplies.ChooseWhyGrow);
        }

        return (CoachingModels.Egan, SessionReplies.ChooseWhyEgan);
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
        var question = TextFormat.Format(SessionReplies.ChooseSuggest, model.Name, why);
        return step.PromptAsync(SessionPrompts.Confirm, new PromptOptions { Prompt = MessageFactory.Text(question) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> StartStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<bool>() != true)
        {
            step.Context.SendText(SessionReplies.ChooseNotNow);
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
