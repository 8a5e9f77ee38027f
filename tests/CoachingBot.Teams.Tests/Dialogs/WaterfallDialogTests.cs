using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task Waterfall_RunsEveryStepAndEndsWithValues_WhenEachPromptIsAnswered()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile);

        await host.AssertTranscriptAsync(
            ("hi", "What's your name?"),
            ("Ann", "How old are you?"),
            ("42", """Done: {"name":"Ann","age":42}"""));
        Assert.Null(await host.StoredJsonAsync());
    }

    [Fact]
    public async Task Parent_ResumesWithChildResultInSameTurn_WhenChildEnds()
    {
        var host = new DialogTestHost(TestDialogs.ParentChildSet, "parent");

        await host.AssertTranscriptAsync(("hi", "Let's set a goal. / What's your goal?"));
        Assert.Equal(["parent", "goal", "text"], StackIds(await host.StoredJsonAsync()));

        await host.AssertTranscriptAsync(("Run a 10k", """Your goal is Run a 10k. / Done: {"goal":"Run a 10k"}"""));
    }

    [Fact]
    public async Task Waterfall_ResumesAtSameStep_WhenANewProcessReadsTheStore()
    {
        var store = new InMemoryDialogStateStore();
        var first = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);
        await first.AssertTranscriptAsync(("hi", "What's your name?"), ("Ann", "How old are you?"));

        var stored = JsonNode.Parse((await first.StoredJsonAsync())!)!;
        Assert.Equal(1, stored["stack"]![0]!["state"]!["stepIndex"]!.GetValue<int>());
        Assert.Equal("Ann", stored["stack"]![0]!["state"]!["values"]!["name"]!.GetValue<string>());

        var restarted = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);
        await restarted.AssertTranscriptAsync(("7", """Done: {"name":"Ann","age":7}"""));
    }

    [Fact]
    public async Task Host_BuildsNewDialogSetEveryTurn_SoOnlyTheStoreCarriesState()
    {
        var built = 0;
        var host = new DialogTestHost(() => { built++; return TestDialogs.ProfileSet(); }, TestDialogs.Profile);

        await host.AssertTranscriptAsync(("hi", "What's your name?"), ("Ann", "How old are you?"), ("3", """Done: {"name":"Ann","age":3}"""));

        Assert.Equal(3, built);
    }

    [Fact]
    public async Task Step_ReceivesUsersReplyAsResult_WhenItWaitedWithoutAChild()
    {
        var host = new DialogTestHost(
            () => new DialogSet(new WaterfallDialog("raw", [
                (step, ct) =>
                {
                    step.Context.SendText("Say something.");
                    return Task.FromResult(DialogTurnResult.Waiting);
                },
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ])),
            "raw");

        await host.AssertTranscriptAsync(("hi", "Say something."), ("  hello \n  there ", "Done: \"hello there\""));
    }

    [Fact]
    public async Task Step_ReceivesSubmitDataAsResult_WhenItWaitedAndTheReplyHasNoText()
    {
        var host = new DialogTestHost(
            () => new DialogSet(new WaterfallDialog("raw", [
                (step, ct) => Task.FromResult(DialogTurnResult.Waiting),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ])),
            "raw");
        await host.SayAsync("hi");

        Assert.Equal("""Done: {"rating":4}""", await host.SubmitAsync("""{"rating":4}"""));
    }

    [Fact]
    public async Task NextAsync_RunsFollowingStepInSameTurn()
    {
        var host = new DialogTestHost(
            () => new DialogSet(new WaterfallDialog("skip", [
                (step, ct) => step.NextAsync(JsonValue.Create("from step 0"), ct),
                (step, ct) =>
                {
                    step.Context.SendText($"Step {step.Index} got {step.Result}");
                    return step.NextAsync(null, ct);
                },
            ])),
            "skip");

        Assert.Equal("Step 1 got from step 0 / Done: null", await host.SayAsync("hi"));
    }

    [Fact]
    public async Task Step_Throws_WhenItMovesOnTwice()
    {
        var host = new DialogTestHost(
            () => new DialogSet(new WaterfallDialog("twice", [
                async (step, ct) =>
                {
                    await step.NextAsync(null, ct);
                    return await step.NextAsync(null, ct);
                },
                (step, ct) => Task.FromResult(DialogTurnResult.Waiting),
            ])),
            "twice");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SayAsync("hi"));
    }

    [Fact]
    public async Task WaterfallWithNoSteps_EndsAtOnceWithNoResult()
    {
        var host = new DialogTestHost(() => new DialogSet(new WaterfallDialog("empty", [])), "empty");

        Assert.Equal("Done: null", await host.SayAsync("hi"));
    }

    [Fact]
    public async Task ReplaceDialog_RestartsWithoutGrowingTheStack_WhenALoopGoesRound()
    {
        static DialogSet Loop() => new(
            new ConfirmPrompt("confirm"),
            new WaterfallDialog("loop", [
                (step, ct) =>
                {
                    var round = step.Options?["round"]?.GetValue<int>() ?? 1;
                    step.Values["round"] = round;
                    return step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text($"Round {round}. Again?") }, ct);
                },
                (step, ct) => step.Result!.GetValue<bool>()
                    ? step.DialogContext.ReplaceDialogAsync("loop", new JsonObject { ["round"] = step.Values["round"]!.GetValue<int>() + 1 }, ct)
                    : step.EndDialogAsync(step.Values["round"], ct),
            ]));
        var host = new DialogTestHost(Loop, "loop");

        const string buttons = " [card: buttons: Yes, No]";
        await host.AssertTranscriptAsync(("hi", "Round 1. Again?" + buttons), ("yes", "Round 2. Again?" + buttons), ("y", "Round 3. Again?" + buttons));
        Assert.Equal(["loop", "confirm"], StackIds(await host.StoredJsonAsync()));
        await host.AssertTranscriptAsync(("no", "Done: 3"));
    }

    [Fact]
    public async Task DerivedWaterfall_RunsItsInstanceSteps_InTheOrderAdded()
    {
        var host = new DialogTestHost(() => new DialogSet(new TextPrompt("text"), new GreetingDialog("Kia ora")), nameof(GreetingDialog));

        await host.AssertTranscriptAsync(("hi", "Kia ora! What's your name?"), ("Ann", "Kia ora, Ann. / Done: \"Ann\""));
    }

    [Fact]
    public async Task BeginDialog_Throws_WhenTheIdIsNotRegistered()
    {
        var host = new DialogTestHost(() => new DialogSet(new TextPrompt("text")), "missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.SayAsync("hi"));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    internal static string[] StackIds(string? json) =>
        JsonNode.Parse(json!)!["stack"]!.AsArray().Select(entry => entry!["id"]!.GetValue<string>()).ToArray();

    /// <summary>The shape app dialogs take: steps are named instance methods that use the dialog's own dependencies.</summary>
    private sealed class GreetingDialog : WaterfallDialog
    {
        private readonly string _greeting;

        public GreetingDialog(string greeting) : base(nameof(GreetingDialog))
        {
            _greeting = greeting;
            AddStep(AskNameStepAsync);
            AddStep(GreetStepAsync);
        }

        private Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
            step.PromptAsync("text", new TextPromptOptions { Prompt = MessageFactory.Text($"{_greeting}! What's your name?") }, cancellationToken);

        private Task<DialogTurnResult> GreetStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        {
            step.Context.SendText($"{_greeting}, {step.Result}.");
            return step.EndDialogAsync(step.Result, cancellationToken);
        }
    }
}
