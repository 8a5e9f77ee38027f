using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>
/// Every card has a typed way through, as transcripts: a goal, an option list, the options to weigh or choose,
/// actions and FIRST ratings typed instead of filled in, and the cards kept light (a shortlist before weighing).
/// </summary>
public sealed class TypedWayThroughTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private ICoachingConversationStore Conversations => fixture.App.Services.GetRequiredService<ICoachingConversationStore>();

    private IActionStore ActionStore => fixture.App.Services.GetRequiredService<IActionStore>();

    [Fact]
    public async Task TypedGoalWithADate_IsTheAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                ("Speak up in leadership meetings by 30/06/2026", ["Your goal: “Speak up in leadership meetings”, by 30 June 2026."]),
            ]);

        var goal = (await Conversations.ListAsync(chat.UserId)).Single().Goal!;
        Assert.Equal(("Speak up in leadership meetings", new DateOnly(2026, 6, 30)), (goal.Goal, goal.TargetDate));
    }

    [Fact]
    public async Task TypedGoalWithoutADate_FillsTheCard_ForTheDateToBeAdded()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), ("Get promoted within a year", [TypedAnswers.GoalFilled, $"\"id\":\"{GoalCard.GoalId}\""])]);

        Assert.Contains("\"value\":\"Get promoted within a year\"", TeamsChat.Content(chat.LastCard()!), StringComparison.Ordinal);
        await Transcript.RunAsync(chat, (new CardSubmit(new { card = "goal", goal = "Get promoted within a year", targetDate = "2027-03-01" }), [CardTexts.GoalSavedHeading, "**Reality**"]));
    }

    [Fact]
    public async Task TypedOptions_OnePerLine_AreTheList_AndTypedNumbersChoose()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("Morale is low and I avoid the hard conversations", ["**Options**"]),
                ("- Ask my manager for a mentor\n- Shadow a peer\n- Read a book on difficult conversations", [SessionTexts.WeighQuestion]),
                ("2", ["You chose: “Shadow a peer”."]),
            ]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(["Ask my manager for a mentor", "Shadow a peer", "Read a book on difficult conversations"], saved.Options.Select(o => o.Text));
        Assert.Equal(["Shadow a peer"], saved.Options.Where(o => o.Chosen).Select(o => o.Text));
    }

    [Fact]
    public async Task FiveOptions_AreShortlisted_AndOnlyTheShortlistIsWeighed()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("Morale is low and I avoid the hard conversations", ["**Options**"]),
                ("Mentor; Shadow a peer; Book; Course; Coach", [SessionTexts.ShortlistQuestion]),
                ("1, 4", [SessionTexts.WeighQuestion]),
            ]);

        var weigh = TeamsChat.Content(chat.LastCard()!);
        Assert.Contains("\"impact2\"", weigh, StringComparison.Ordinal);
        Assert.DoesNotContain("\"impact3\"", weigh, StringComparison.Ordinal);
        Assert.Contains("Course", weigh, StringComparison.Ordinal);
        Assert.DoesNotContain("Shadow a peer", weigh, StringComparison.Ordinal);

        var weighed = new CardSubmit(new { card = "optionsWeighed", option1 = "Mentor", option2 = "Course", impact1 = "4", ease1 = "3", chosen1 = "false", impact2 = "5", ease2 = "2", pro2 = "Structured", chosen2 = "true" });
        await Transcript.RunAsync(chat, (weighed, [CardTexts.OptionsSavedHeading, "You chose: “Course”."]));

        var options = (await Conversations.ListAsync(chat.UserId)).Single().Options;
        Assert.Equal(5, options.Count);
        Assert.Equal([("Mentor", 4), ("Shadow a peer", (int?)null), ("Book", null), ("Course", 5), ("Coach", null)], options.Select(o => (o.Text, o.Impact)));
    }

    [Fact]
    public async Task TypedActions_FillTheCard_ThenTheCardIsSaved()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                .. SessionWalk.GrowMiddleAndEnding().Take(4),
                ("Email my manager about a mentor by 6/3/2026\nBook an hour with Sam", [TypedAnswers.ActionsFilled, $"\"id\":\"{ActionsCard.WhatId(1)}\""]),
            ]);

        var card = TeamsChat.Content(chat.LastCard()!);
        Assert.Contains("\"value\":\"Email my manager about a mentor\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"2026-03-06\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Book an hour with Sam\"", card, StringComparison.Ordinal);

        var submit = new CardSubmit(new { card = "actions", what1 = "Email my manager about a mentor", byWhen1 = "2026-03-06", confidence1 = "9" });
        await Transcript.RunAsync(chat, (submit, [CardTexts.ActionsSavedHeading, ConversationFrame.ContractCheckQuestion]));
    }

    [Fact]
    public async Task TypedActions_WithDateAndConfidence_AreTheAnswer_WithNoCardToSave()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                .. SessionWalk.GrowMiddleAndEnding().Take(4),
                ("Email my manager about a mentor by 6/3/2026, confidence 8\nBook an hour with Sam by 9/3/2026 (9/10)", ["You'll do: “Email my manager about a mentor” by 6 March 2026; “Book an hour with Sam” by 9 March 2026."]),
            ]);

        Assert.Contains(ConversationFrame.ContractCheckQuestion, chat.Replies[^1].Text, StringComparison.Ordinal);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        var actions = await ActionStore.ListForConversationAsync(saved.Id);
        Assert.Equal(
            [("Email my manager about a mentor", new DateOnly(2026, 3, 6), 8), ("Book an hour with Sam", new DateOnly(2026, 3, 9), 9)],
            actions.Select(action => (action.What, action.ByWhen, action.Confidence)));
    }

    [Theory]
    [InlineData("Email Sam by Friday, confidence 8", "Email Sam by Friday", 8)]
    [InlineData("Email Sam by Friday (confident 9/10)", "Email Sam by Friday", 9)]
    [InlineData("Email Sam by Friday (7/10)", "Email Sam by Friday", 7)]
    [InlineData("Email Sam by 8/10", "Email Sam by 8/10", null)]
    [InlineData("Email Sam by Friday 8", "Email Sam by Friday 8", null)]
    [InlineData("Email Sam by Friday, confidence 11", "Email Sam by Friday, confidence 11", null)]
    public void SplitConfidence_TakesOnlyAConfidenceSaidAsOne(string line, string text, int? confidence) =>
        Assert.Equal((text, confidence), TypedAnswers.SplitConfidence(line));

    [Fact]
    public async Task TypedFirstRatings_AreTheAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding().SkipLast(1)]);

        await Transcript.RunAsync(chat, ("4 3 4 3 5", [SessionTexts.Closing, "Your GROW conversation"]));
        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(5, saved.FirstRatings["tactics"]);
        Assert.Equal(3, saved.FirstRatings["informed"]);
    }

    [Fact]
    public async Task WholeGrow_ByTyping_ReachesTheSummary()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow, "10 minutes"),
                ("Speak up in leadership meetings by 30/06/2026", ["Your goal:"]),
                ("I stay quiet when the VP is there", ["**Options**"]),
                ("Prepare one point before each meeting\nAsk the chair to bring me in", [SessionTexts.ChooseQuestion]),
                ("1", ["You chose: “Prepare one point before each meeting”."]),
                ("Write my point for Monday's meeting by 9/3/2026, confidence 7", ["You'll do: “Write my point for Monday's meeting” by 9 March 2026."]),
                ("Yes", [ConversationFrame.FollowUpQuestion]),
                ("tomorrow", [SessionTexts.Closing, "Your GROW conversation"]),
            ]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Completed, saved.Status);
        Assert.Single(await ActionStore.ListForConversationAsync(saved.Id));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryFormCard_HasTwelveInputsAtMost(int weighed)
    {
        var options = OptionsCard.AsValues([.. Enumerable.Range(1, weighed).Select(i => $"Option {i}")]);
        var five = OptionsCard.AsValues([.. Enumerable.Range(1, 5).Select(i => $"Option {i}")]);
        var forms = new[]
        {
            GoalCard.Form(View()),
            OptionsCard.ListForm(View()),
            OptionsCard.ShortlistForm(View(five)),
            OptionsCard.WeighForm(View(options)),
            ActionsCard.Form(View()),
            FirstCard.Form(View()),
        };

        Assert.All(forms, card => Assert.InRange(Inputs(card.Body), 1, 12));
    }

    [Theory]
    [InlineData("Email Sam by 2026-03-06", "Email Sam", "2026-03-06")]
    [InlineData("Email Sam by 6/3/2026", "Email Sam", "2026-03-06")]
    [InlineData("Email Sam by 6 March", "Email Sam", "2026-03-06")]
    [InlineData("Email Sam by 1 March", "Email Sam", "2027-03-01")]
    [InlineData("Stand by my team", "Stand by my team", null)]
    [InlineData("Email Sam by 1/3/2026", "Email Sam by 1/3/2026", null)]
    public void SplitDate_TakesADateAfterBy_InTheUsersLocale_NeverInThePast(string text, string what, string? date)
    {
        var (rest, parsed) = TypedAnswers.SplitDate(text, System.Globalization.CultureInfo.GetCultureInfo("en-GB"), new DateOnly(2026, 3, 2));

        Assert.Equal(what, rest);
        Assert.Equal(date, parsed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static CardFormView View(IReadOnlyDictionary<string, string>? values = null) =>
        new(values ?? new Dictionary<string, string>(), new Dictionary<string, string>(), new CardFormPromptOptions());

    private static int Inputs(IEnumerable<CardElement> elements) =>
        elements.Sum(element => element switch
        {
            Container container => Inputs(container.Items),
            TextInput or DateInput or ChoiceSetInput or ToggleInput or NumberInput or TimeInput => 1,
            _ => 0,
        });
}
