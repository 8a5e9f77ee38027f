using System.Text.Json;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class CardFormPromptTests
{
    private const string BlankCard = "[card: Set your goal | goal= | by= | buttons: Save]";
    private static readonly string UseTheCard = PromptTexts.UseTheCard;
    private static readonly string FixTheCard = PromptTexts.FixTheCard;

    // 12:00 UTC on 4 March 2026 is already 5 March in Auckland, the user's zone in these tests.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

    internal sealed record GoalAnswer(string Goal, DateOnly By);

    [Theory]
    [InlineData("""{"goal":"Run a 10k","by":"2026-04-01"}""", """Done: {"goal":"Run a 10k","by":"2026-04-01"}""")]
    [InlineData("""{"goal":"  Run a 10k ","by":"2026-03-05","verb":"save"}""", """Done: {"goal":"Run a 10k","by":"2026-03-05"}""")]
    [InlineData("""{"goal":"","by":"2026-04-01"}""",
        "[card: Please fix 1 field. | Set your goal | goal= | Goal is required. | by=2026-04-01 | buttons: Save]")]
    [InlineData("""{"goal":"Run","by":"2026-03-04"}""", // the 4th is past in Auckland, though not yet in UTC
        "[card: Please fix 1 field. | Set your goal | goal=Run | by=2026-03-04 | Target date can't be in the past. | buttons: Save]")]
    [InlineData("""{"goal":"","by":"31/03/2026"}""",
        "[card: Please fix 2 fields. | Set your goal | goal= | Goal is required. | by= | Target date must be a real date, written year-month-day (like 2026-03-31). | buttons: Save]")]
    [InlineData("\"not an object\"",
        "[card: This card's answer arrived empty — please submit the card again. | Set your goal | goal= | by= | buttons: Save]")]
    public async Task CardFormPrompt_ReturnsTheParsedAnswer_OrResendsTheCardWithValuesAndErrors(string submit, string expected)
    {
        var host = Host(new CardFormPromptOptions());
        Assert.Equal(BlankCard, await host.SayAsync("start"));

        // A card sent back comes after the line that says why.
        Assert.Equal(expected.StartsWith("[card:", StringComparison.Ordinal) ? $"{FixTheCard} / {expected}" : expected, await host.SubmitAsync(submit));
    }

    [Fact]
    public async Task CardFormPrompt_AsksForTheButtonAndResendsTheCard_WhenTheUserTypesInstead()
    {
        var host = Host(new CardFormPromptOptions());

        await host.AssertTranscriptAsync(
            ("start", BlankCard),
            ("Run a 10k by April", $"{UseTheCard} / {BlankCard}"),
            ("help", $"Answer the question, or type cancel. / {BlankCard}"));
        Assert.Equal("""Done: {"goal":"Run a 10k","by":"2026-04-01"}""", await host.SubmitAsync("""{"goal":"Run a 10k","by":"2026-04-01"}"""));
    }

    [Fact]
    public async Task CardFormPrompt_TakesTypedTextAsTheAnswer_OrFillsTheCardFromIt_WhenItReadsTypedText()
    {
        var host = DialogTestHost.ForPrompt(
            () => new CardFormPrompt<GoalAnswer>("goal-form", GoalCard, ValidateGoal)
            {
                ReadTyped = (text, _, _) => text.EndsWith(" by April", StringComparison.Ordinal)
                    ? TypedCardReading.Answer(new GoalAnswer(text[..^" by April".Length], new DateOnly(2026, 4, 1)))
                    : text == "?"
                        ? TypedCardReading.Refuse<GoalAnswer>("Type a goal.")
                        : TypedCardReading.FillCard<GoalAnswer>(new Dictionary<string, string> { ["goal"] = text }, "Add a date."),
            },
            new CardFormPromptOptions());

        await host.AssertTranscriptAsync(
            ("start", BlankCard),
            ("Run a 10k", "Add a date. / [card: Set your goal | goal=Run a 10k | by= | buttons: Save]"),
            ("?", $"Type a goal. / {BlankCard}"));
        Assert.Equal("""Done: {"goal":"Run a 10k","by":"2026-04-01"}""", await host.SayAsync("Run a 10k by April"));
    }

    [Fact]
    public async Task CardFormPrompt_StartsFromTheOptionsValues_AndKeepsThemWhenTheUserTypes()
    {
        var options = new CardFormPromptOptions
        {
            Prompt = MessageFactory.Text("Edit your goal:"),
            Values = new Dictionary<string, string> { ["goal"] = "Run a 5k", ["by"] = "2026-03-20" },
        };
        var host = Host(options);
        const string Filled = "Edit your goal: [card: Set your goal | goal=Run a 5k | by=2026-03-20 | buttons: Save]";

        await host.AssertTranscriptAsync(("start", Filled), ("oops", $"{UseTheCard} / {Filled}"));
    }

    [Fact]
    public async Task CardFormPrompt_ShowsTheRetryPromptAndTheUsersValues_WhenAFieldIsWrong()
    {
        var options = new CardFormPromptOptions
        {
            Prompt = MessageFactory.Text("Your goal:"),
            RetryPrompt = MessageFactory.Text("Your goal, again:"),
            Values = new Dictionary<string, string> { ["goal"] = "Old goal" },
        };
        var host = Host(options);
        await host.SayAsync("start");

        Assert.Equal(
            FixTheCard + " / Your goal, again: [card: Please fix 1 field. | Set your goal | goal=New goal | by= | Target date is required. | buttons: Save]",
            await host.SubmitAsync("""{"goal":"New goal","by":""}"""));
    }

    [Fact]
    public async Task CardFormPrompt_HandsTheBuilderTheValuesAndErrors()
    {
        var views = new List<CardFormView>();
        var host = DialogTestHost.ForPrompt(
            () => new CardFormPrompt<GoalAnswer>("goal-form", view => { views.Add(view); return GoalCard(view); }, ValidateGoal),
            new CardFormPromptOptions());
        await host.SayAsync("start");
        await host.SubmitAsync("""{"goal":"","by":"2026-04-01"}""");

        Assert.Equal(2, views.Count);
        Assert.Empty(views[0].Values);
        Assert.Empty(views[0].Errors);
        Assert.Equal("2026-04-01", views[1].Values["by"]);
        Assert.Equal("Goal is required.", Assert.Single(views[1].Errors).Value);
    }

    [Fact]
    public async Task CardFormPrompt_ResendsTheFilledCardWithTheReason_WhenTheCustomValidatorRefuses()
    {
        PromptValidator noMarathons = (context, ct) => Task.FromResult(
            context.Value!["goal"]!.GetValue<string>().Contains("marathon", StringComparison.OrdinalIgnoreCase)
                ? "Let's start with something smaller than a marathon."
                : null);
        var host = DialogTestHost.ForPrompt(
            () => new CardFormPrompt<GoalAnswer>("goal-form", GoalCard, ValidateGoal, noMarathons),
            new CardFormPromptOptions());
        await host.SayAsync("start");

        Assert.Equal(
            "Let's start with something smaller than a marathon. / [card: Set your goal | goal=Run a marathon | by=2026-04-01 | buttons: Save]",
            await host.SubmitAsync("""{"goal":"Run a marathon","by":"2026-04-01"}"""));
    }

    [Fact]
    public async Task CardFormPrompt_GivesTheWaterfallATypedResult()
    {
        var host = new DialogTestHost(
            () => new DialogSet(
                new CardFormPrompt<GoalAnswer>("goal-form", GoalCard, ValidateGoal),
                new WaterfallDialog("goal", [
                    (step, ct) => step.PromptAsync("goal-form", new CardFormPromptOptions(), ct),
                    (step, ct) =>
                    {
                        var answer = step.ResultAs<GoalAnswer>()!;
                        step.Context.SendText($"{answer.Goal} by {answer.By:d MMMM}.");
                        return step.EndDialogAsync(null, ct);
                    },
                ])),
            "goal");
        await host.SayAsync("start");

        Assert.Equal("Run a 10k by 1 April. / Done: null", await host.SubmitAsync("""{"goal":"Run a 10k","by":"2026-04-01"}"""));
    }

    [Fact]
    public async Task CardFormPrompt_SendsACardTeamsRenders()
    {
        var host = Host(new CardFormPromptOptions());
        await host.SayAsync("start");

        var replies = await host.SendValueAsync("""{"goal":"","by":""}""");
        var reply = replies[^1];

        var card = AdaptiveCard.FromJson(Transcript.CardJson(Assert.Single(reply.Attachments!)).ToJsonString());
        Assert.Empty(CardChecker.Check(card));
    }

    [Fact]
    public void PromptValidation_Invalid_Throws_WhenThereAreNoErrors()
    {
        Assert.Throws<ArgumentException>(() => PromptValidation.Invalid<GoalAnswer>(new Dictionary<string, string>()));
    }

    private static DialogTestHost Host(CardFormPromptOptions options) =>
        DialogTestHost.ForPrompt(() => new CardFormPrompt<GoalAnswer>("goal-form", GoalCard, ValidateGoal), options);

    private static AdaptiveCard GoalCard(CardFormView view) => new()
    {
        Body = [new TextBlock("Set your goal"), new TextInput("goal", "Goal"), new DateInput("by", "Target date")],
        Actions = [new SubmitAction("Save")],
    };

    private static PromptValidation<GoalAnswer> ValidateGoal(JsonElement value, TurnContext turn)
    {
        var form = FormReader.From(value);
        var goal = form.Text("goal", "Goal", required: true, maxLength: 100);
        var by = form.Date("by", "Target date", required: true, today: UserClock.Today(turn.Activity, Clock));
        return PromptValidation.From(form, () => new GoalAnswer(goal!, by!.Value));
    }
}
