using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>Small dialogs for the engine tests, built fresh for every turn as a restarted process would.</summary>
internal static class TestDialogs
{
    public const string Profile = "profile";

    /// <summary>"profile": asks a name (text) and an age (1 to 120), then ends with both.</summary>
    public static DialogSet ProfileSet(int? maxAttempts = null) => new(
        new TextPrompt("text"),
        new NumberPrompt("number"),
        new WaterfallDialog(Profile, [NameStepAsync, AgeStepAsync(maxAttempts), FinishStepAsync]));

    /// <summary>"parent" says a line, begins "goal" (which asks for a goal), and reports the child's result.</summary>
    public static DialogSet ParentChildSet() => new(
        new TextPrompt("text"),
        new WaterfallDialog("parent", [
            (step, ct) =>
            {
                step.Context.SendText("Let's set a goal.");
                return step.BeginDialogAsync("goal", null, ct);
            },
            (step, ct) =>
            {
                step.Context.SendText($"Your goal is {step.Result!["goal"]!.GetValue<string>()}.");
                return step.EndDialogAsync(step.Result, ct);
            },
        ]),
        new WaterfallDialog("goal", [
            (step, ct) => step.PromptAsync("text", new TextPromptOptions { Prompt = MessageFactory.Text("What's your goal?") }, ct),
            (step, ct) => step.EndDialogAsync(new JsonObject { ["goal"] = step.Result }, ct),
        ]));

    private static Task<DialogTurnResult> NameStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("text", new TextPromptOptions { Prompt = MessageFactory.Text("What's your name?"), MaxLength = 20 }, cancellationToken);

    private static Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>> AgeStepAsync(int? maxAttempts) =>
        (step, cancellationToken) =>
        {
            step.Values["name"] = step.Result;
            return step.PromptAsync(
                "number",
                new NumberPromptOptions { Prompt = MessageFactory.Text("How old are you?"), Min = 1, Max = 120, MaxAttempts = maxAttempts },
                cancellationToken);
        };

    private static Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["age"] = step.Result;
        return step.EndDialogAsync(step.Values, cancellationToken);
    }
}
