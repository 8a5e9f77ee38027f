using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>What people type besides a plain answer: long answers, a second message, <c>back</c> and <c>skip</c>.</summary>
public sealed class TypedAnswersTests
{
    private const string Goal = "Goal?";
    private const string Reality = "Reality?";
    private const string Next = "Next step?";
    private static readonly string NoEarlier = PromptTexts.NothingToGoBackTo;
    private static readonly string Added = PromptTexts.AddedToPreviousAnswer;

    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static string WasAnswer(string answer) =>
        Said.Format(PromptTexts.PreviousAnswer, answer);

    /// <summary>Three free-text questions; the second may be skipped; ends with the values it kept.</summary>
    private static DialogTestHost Host() => new(
        () => new DialogSet(
            new TextPrompt("text"),
            new WaterfallDialog("plan", [
                (step, ct) => step.PromptAsync("text", Ask(Goal), ct),
                (step, ct) =>
                {
                    step.Values["goal"] = step.Result?.DeepClone();
                    return step.PromptAsync("text", Ask(Reality) with { AllowSkip = true }, ct);
                },
                (step, ct) =>
                {
                    step.Values["reality"] = step.Result?.DeepClone();
                    return step.PromptAsync("text", Ask(Next), ct);
                },
                (step, ct) =>
                {
                    step.Values["next"] = step.Result?.DeepClone();
                    return step.EndDialogAsync(step.Values.DeepClone(), ct);
                },
            ])),
        "plan");

    private static TextPromptOptions Ask(string question) => new() { Prompt = MessageFactory.Text(question), MaxLength = TextPromptOptions.LongestMessage };

    [Fact]
    public async Task Back_AsksThePreviousQuestionAgain_ShowingTheAnswer_AndTheNewAnswerReplacesIt()
    {
        await Host().AssertTranscriptAsync(
            ("start", Goal),
            ("Run a 10k", Reality),
            ("back", WasAnswer("Run a 10k") + " / " + Goal),
            ("Walk daily", Reality),
            ("I walk twice a week", Next),
            ("Back.", WasAnswer("I walk twice a week") + " / " + Reality),
            ("BACK", WasAnswer("Walk daily") + " / " + Goal),
            ("Walk every day", Reality),
            ("Once a week", Next),
            ("Buy shoes", "Done: {\"goal\":\"Walk every day\",\"reality\":\"Once a week\",\"next\":\"Buy shoes\"}"));
    }

    [Fact]
    public async Task Back_SaysThereIsNothingEarlier_AtTheFirstQuestion()
    {
        await Host().AssertTranscriptAsync(
            ("start", Goal),
            ("back", NoEarlier + " / " + Goal),
            ("Run a 10k", Reality));
    }

    [Fact]
    public async Task Back_IsAnAnswer_WhenThePromptTurnsItOff()
    {
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), new TextPromptOptions { Prompt = MessageFactory.Text(Goal), AllowBack = false });

        await host.AssertTranscriptAsync(("start", Goal), ("back", "Done: \"back\""));
    }

    [Theory]
    [InlineData("skip", "null")]
    [InlineData("Skip!", "null")]
    [InlineData("skip it for now", "\"skip it for now\"")]
    public async Task Skip_LeavesOutAQuestionThatAllowsIt(string typed, string reality)
    {
        await Host().AssertTranscriptAsync(
            ("start", Goal),
            ("skip", Reality),
            (typed, Next),
            ("Buy shoes", $"Done: {{\"goal\":\"skip\",\"reality\":{reality},\"next\":\"Buy shoes\"}}"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(120, false)]
    [InlineData(-1, false)]
    public async Task SecondMessage_JoinsThePreviousAnswer_OnlyWithinTheJoinWindow(int secondsLater, bool joined)
    {
        var host = Host();
        await host.SayAsync("start");
        await Send(host, "I want to run a 10k", T0);

        var reply = Transcript.Render(await Send(host, "in under an hour", T0.AddSeconds(secondsLater)));

        if (joined)
        {
            Assert.Equal(Added + " / " + Reality, reply);
            await host.AssertTranscriptAsync(
                ("I run 5k now", Next),
                ("Buy shoes", "Done: {\"goal\":\"I want to run a 10k\\n\\nin under an hour\",\"reality\":\"I run 5k now\",\"next\":\"Buy shoes\"}"));
        }
        else
        {
            Assert.Equal(Next, reply);
            await host.AssertTranscriptAsync(
                ("Buy shoes", "Done: {\"goal\":\"I want to run a 10k\",\"reality\":\"in under an hour\",\"next\":\"Buy shoes\"}"));
        }
    }

    [Fact]
    public async Task ThreeQuickMessages_AllJoinTheFirstAnswer()
    {
        var host = Host();
        await host.SayAsync("start");
        await Send(host, "One", T0);
        await Send(host, "Two", T0.AddSeconds(10));
        await Send(host, "Three", T0.AddSeconds(20));

        await host.AssertTranscriptAsync(("Today", Next), ("Buy shoes", "Done: {\"goal\":\"One\\n\\nTwo\\n\\nThree\",\"reality\":\"Today\",\"next\":\"Buy shoes\"}"));
    }

    /// <summary>A free-text question, then a choice with buttons; ends with both answers.</summary>
    private static DialogTestHost GoalThenTime() => new(
        () => new DialogSet(
            new TextPrompt("text"),
            new ChoicePrompt("choice"),
            new WaterfallDialog("plan", [
                (step, ct) => step.PromptAsync("text", Ask(Goal), ct),
                (step, ct) =>
                {
                    step.Values["goal"] = step.Result?.DeepClone();
                    return step.PromptAsync("choice", new ChoicePromptOptions
                    {
                        Prompt = MessageFactory.Text("How long?"),
                        Choices = [new PromptChoice("short", "10 minutes", ["quick"]), new PromptChoice("long", "30 minutes")],
                    }, ct);
                },
                (step, ct) =>
                {
                    step.Values["time"] = step.Result?.DeepClone();
                    return step.EndDialogAsync(step.Values.DeepClone(), ct);
                },
            ])),
        "plan");

    /// <summary>A button clicked (or its number typed) seconds after a typed answer answers its own question.</summary>
    [Theory]
    [InlineData("30 minutes")]
    [InlineData("30 MINUTES.")]
    [InlineData("long")]
    [InlineData("2")]
    public async Task ChoiceClickedWithinTheJoinWindow_AnswersTheChoice_NotThePreviousAnswer(string clicked)
    {
        var host = GoalThenTime();
        await host.SayAsync("start");
        await Send(host, "I want to run a 10k", T0);

        var reply = Transcript.Render(await Send(host, clicked, T0.AddSeconds(3)));

        Assert.Equal("Done: {\"goal\":\"I want to run a 10k\",\"time\":\"long\"}", reply);
    }

    /// <summary>Other words within the window, a synonym among them, are still the rest of the typed answer.</summary>
    [Theory]
    [InlineData("quick")]
    [InlineData("in under an hour")]
    public async Task OtherTextWithinTheJoinWindow_AtAChoice_JoinsThePreviousAnswer(string typed)
    {
        var host = GoalThenTime();
        await host.SayAsync("start");
        await Send(host, "I want to run a 10k", T0);

        var reply = Transcript.Render(await Send(host, typed, T0.AddSeconds(3)));

        Assert.StartsWith(Added + " / How long?", reply, StringComparison.Ordinal);
        await host.AssertTranscriptAsync(("30 minutes", "Done: {\"goal\":\"I want to run a 10k\\n\\n" + typed + "\",\"time\":\"long\"}"));
    }

    /// <summary>Yes or no, in any form the confirm prompt reads, seconds after a typed answer answers the yes/no question.</summary>
    [Theory]
    [InlineData("yes please", true)]
    [InlineData("Nope", false)]
    public async Task YesOrNoWithinTheJoinWindow_AnswersTheConfirm_NotThePreviousAnswer(string typed, bool answer)
    {
        var host = new DialogTestHost(
            () => new DialogSet(
                new TextPrompt("text"),
                new ConfirmPrompt("confirm"),
                new WaterfallDialog("plan", [
                    (step, ct) => step.PromptAsync("text", Ask(Goal), ct),
                    (step, ct) =>
                    {
                        step.Values["goal"] = step.Result?.DeepClone();
                        return step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("Shall we start?") }, ct);
                    },
                    (step, ct) =>
                    {
                        step.Values["start"] = step.Result?.DeepClone();
                        return step.EndDialogAsync(step.Values.DeepClone(), ct);
                    },
                ])),
            "plan");
        await host.SayAsync("start");
        await Send(host, "I want to run a 10k", T0);

        var reply = Transcript.Render(await Send(host, typed, T0.AddSeconds(3)));

        Assert.Equal("Done: {\"goal\":\"I want to run a 10k\",\"start\":" + (answer ? "true" : "false") + "}", reply);
    }

    [Fact]
    public async Task SecondMessage_IsNotJoined_WhenTheActivitiesHaveNoTimestamp()
    {
        var host = Host();
        await host.AssertTranscriptAsync(("start", Goal), ("One", Reality), ("Two", Next));
    }

    [Fact]
    public async Task LongAnswer_OfFiveThousandCharacters_IsKeptWhole()
    {
        var answer = string.Concat(Enumerable.Repeat("I keep putting off the difficult conversation. ", 110))[..5_000].Trim();
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), Ask(Goal));

        await host.AssertTranscriptAsync(("start", Goal), (answer, $"Done: \"{answer}\""));
    }

    [Fact]
    public void LongestMessage_IsWhatTheEndpointAccepts() =>
        Assert.Equal(CoachingBot.Teams.Hosting.ActivityValidator.MaxTextLength, TextPromptOptions.LongestMessage);

    private static Task<IReadOnlyList<CoachingBot.Teams.Schema.Activity>> Send(DialogTestHost host, string text, DateTimeOffset at)
    {
        var activity = host.MakeMessage(text);
        activity.Timestamp = at;
        return host.SendActivityAsync(activity);
    }
}
