using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>
/// A conversation that listens, as transcripts over the real host: each stage said back in the client's words, the
/// "so far" line at each stage change, follow-ups where a coach would ask one (and not where they would not), one
/// question per message with more on request, and the ten-minute path beside the whole one.
/// </summary>
public sealed class ListeningTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private static readonly CardSubmit ConfidentActions = new(new
    {
        card = "actions",
        what1 = "Email my manager about a mentor",
        byWhen1 = "2026-03-06",
        confidence1 = "8",
    });

    private ICoachingConversationStore Conversations => fixture.App.Services.GetRequiredService<ICoachingConversationStore>();

    private IActionStore ActionStore => fixture.App.Services.GetRequiredService<IActionStore>();

    [Fact]
    public async Task EveryStage_IsReflectedBack_WithTheSoFarLine_BeforeTheNextStagesOneQuestion()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);

        var afterGoal = Said(chat, "**Reality**");
        Assert.Contains("Your goal: “Lead my team through the reorganisation with confidence”, by 30 June 2026.", afterGoal, StringComparison.Ordinal);
        Assert.Contains("**So far** · Goal: Lead my team through the reorganisation with confidence", afterGoal, StringComparison.Ordinal);
        Assert.EndsWith(CoachingModels.Grow.Stages[1].Questions[0] + "\n\n" + SessionTexts.MoreHint, afterGoal, StringComparison.Ordinal);

        var afterReality = Said(chat, "**Options**");
        Assert.Contains("You said: “Morale is low and I avoid the hard conversations”", afterReality, StringComparison.Ordinal);
        Assert.Contains("· Now: Morale is low and I avoid the hard conversations", afterReality, StringComparison.Ordinal);

        var afterOptions = Said(chat, "**Will (the way forward)**");
        Assert.Contains("You chose: “Ask my manager for a mentor”.", afterOptions, StringComparison.Ordinal);
        Assert.Contains("· Chosen: Ask my manager for a mentor", afterOptions, StringComparison.Ordinal);

        var afterWill = Said(chat, SessionWalk.ConfidenceFollowUp);
        Assert.Contains("You'll do: “Email my manager about a mentor” by 6 March 2026; “Book an hour with Sam” by 13 March 2026.", afterWill, StringComparison.Ordinal);

        // One question per message: no stage message carries a second of its stage's questions.
        foreach (var stage in CoachingModels.Grow.Stages)
        {
            var message = Said(chat, $"**{stage.Title}**");
            Assert.Single(stage.Questions, message.Contains);
        }
    }

    [Fact]
    public async Task ConfidenceFollowUp_IsNotAsked_WhenEveryActionIsSevenOrMore()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                .. SessionWalk.GrowMiddleAndEnding().Take(4),
                (ConfidentActions, [CardTexts.ActionsSavedHeading, ConversationFrame.ContractCheckQuestion]),
            ]);

        Assert.DoesNotContain("What would make it a 7?", Said(chat, ConversationFrame.ContractCheckQuestion), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfidenceFollowUp_NamesTheLeastConfidentAction_AndKeepsTheAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding().Take(6)]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal("If Sam confirms the date this week", saved.Answers["followup:confidence"]);
        Assert.Contains("You said: “If Sam confirms the date this week”", Said(chat, ConversationFrame.ContractCheckQuestion), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yes", false)]
    [InlineData("Partly", true)]
    [InlineData("Not really", true)]
    public async Task ContractCheck_AsksWhatIsMissing_OnlyWhenNotFullyMet(string check, bool followsUp)
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                .. SessionWalk.GrowMiddleAndEnding().Take(4),
                (ConfidentActions, [CardTexts.ActionsSavedHeading, ConversationFrame.ContractCheckQuestion]),
            ]);

        if (followsUp)
        {
            await Transcript.RunAsync(
                chat,
                (check, [SessionWalk.FollowUp("contract", "Clarity on my next step as a manager")]),
                ("How to start the first meeting", [ConversationFrame.FollowUpQuestion]));
            Assert.Equal("How to start the first meeting", (await Conversations.ListAsync(chat.UserId)).Single().Answers["followup:contract"]);
        }
        else
        {
            await Transcript.RunAsync(chat, (check, [ConversationFrame.FollowUpQuestion]));
        }
    }

    [Fact]
    public async Task LowInformed_OffersAnActionToFindOut_AndSavesIt()
    {
        using var chat = fixture.App.Chat();
        await WalkToFirstAsync(chat);
        var ratings = new CardSubmit(new { card = "first", focus = "4", informed = "2", realistic = "4", scope = "3", tactics = "4", comment = "" });

        await Transcript.RunAsync(
            chat,
            (ratings, [CardTexts.FirstSavedHeading, SessionWalk.FollowUp("first.informed", string.Empty, 2)]),
            ("Ask HR how the new grades work", [SessionTexts.OfferedActionConfidence]),
            ("8", ["Added to your actions: “Ask HR how the new grades work” by 20 March 2026.", "Your GROW conversation"]));

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Completed, saved.Status);
        var actions = await ActionStore.ListForConversationAsync(saved.Id);
        Assert.Contains(actions, action => action.What == "Ask HR how the new grades work" && action.ByWhen == new DateOnly(2026, 3, 20) && action.Confidence == 8);
    }

    [Fact]
    public async Task LowFirstRating_AsksAboutTheLowestFactorOnly_AndNoActionWhenDeclined()
    {
        using var chat = fixture.App.Chat();
        await WalkToFirstAsync(chat);
        var ratings = new CardSubmit(new { card = "first", focus = "2", informed = "2", realistic = "4", scope = "1", tactics = "4" });

        await Transcript.RunAsync(
            chat,
            (ratings, [CardTexts.FirstSavedHeading, SessionWalk.FollowUp("first.scope", string.Empty, 1)]),
            ("Talking to the other team leads", [SessionTexts.Closing, "Your GROW conversation"]));

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal("Talking to the other team leads", saved.Answers["followup:first.scope"]);
        Assert.DoesNotContain("due:first.focus", saved.Answers.Keys);
    }

    /// <summary>Each FIRST factor's rule on its own: a 2 fires it, a 3 (the threshold) does not.</summary>
    [Theory]
    [InlineData("focus", 2, true)]
    [InlineData("focus", 3, false)]
    [InlineData("informed", 2, true)]
    [InlineData("informed", 3, false)]
    [InlineData("realistic", 2, true)]
    [InlineData("realistic", 3, false)]
    [InlineData("scope", 2, true)]
    [InlineData("scope", 3, false)]
    [InlineData("tactics", 2, true)]
    [InlineData("tactics", 3, false)]
    public async Task FirstFollowUp_FiresForTheFactorRatedBelowThree_Only(string factor, int rating, bool fires)
    {
        using var chat = fixture.App.Chat();
        await WalkToFirstAsync(chat);
        var ratings = FirstModel.Factors.ToDictionary(f => f.Id, f => f.Id == factor ? rating.ToString(System.Globalization.CultureInfo.InvariantCulture) : "4");
        var submit = new CardSubmit(new { card = "first", focus = ratings["focus"], informed = ratings["informed"], realistic = ratings["realistic"], scope = ratings["scope"], tactics = ratings["tactics"] });
        var question = SessionWalk.FollowUp(FollowUps.FirstStepPrefix + factor, string.Empty, rating);

        await Transcript.RunAsync(chat, (submit, fires ? [CardTexts.FirstSavedHeading, question] : [CardTexts.FirstSavedHeading, SessionTexts.Closing, "Your GROW conversation"]));

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(fires ? ConversationStatus.Active : ConversationStatus.Completed, saved.Status);
    }

    [Fact]
    public async Task FirstRatings_OfThreeOrMore_AskNoFollowUp()
    {
        using var chat = fixture.App.Chat();
        await WalkToFirstAsync(chat);

        await Transcript.RunAsync(chat, (SessionWalk.First, [CardTexts.FirstSavedHeading, SessionTexts.Closing, "Your GROW conversation"]));
    }

    [Fact]
    public async Task NotSure_GetsOneGentlerQuestion_ThenTheAnswerIsTaken()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("I don't know", [SessionTexts.GentlerLead + "\n\n" + CoachingModels.Grow.Stages[1].Gentler]),
                ("Last week two people left the planning meeting upset", ["You said: “Last week two people left the planning meeting upset”"]),
            ]);

        Assert.Contains("**Options**", Said(chat, "You said: “Last week"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSure_Twice_MovesOnWithoutPressing()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("skip", [CoachingModels.Grow.Stages[1].Gentler]),
                ("I don't know", [SessionTexts.MovingOn]),
            ]);

        Assert.Contains("**Options**", Said(chat, SessionTexts.MovingOn), StringComparison.Ordinal);
        Assert.DoesNotContain("You said: “I don't know”", Said(chat, SessionTexts.MovingOn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_AsksTheStagesNextQuestionOnItsOwn_AndTheAnswerCounts()
    {
        using var chat = fixture.App.Chat();
        var reality = CoachingModels.Grow.Stages[1];
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("more", [reality.Questions[1]]),
                ("more", [reality.Questions[2]]),
                ("Time", ["You said: “Time”"]),
            ]);

        Assert.DoesNotContain(reality.Questions[0], chat.Replies[^3].Text, StringComparison.Ordinal);
        Assert.Contains("**Options**", chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("Time", (await Conversations.ListAsync(chat.UserId)).Single().Answers["reality"]);
    }

    [Fact]
    public async Task ShortAnswer_EarnsOneDeeperQuestion_OnTheWholePath()
    {
        using var chat = fixture.App.Chat();
        var reality = CoachingModels.Grow.Stages[1];
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow, "30 minutes or more"),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                ("Morale is low", [reality.Questions[1]]),
                ("Team lunches, which helped for a week", ["You said: “Morale is low / Team lunches, which helped for a week”"]),
            ]);

        Assert.Equal("Morale is low\n\nTeam lunches, which helped for a week", (await Conversations.ListAsync(chat.UserId)).Single().Answers["reality"]);
    }

    [Fact]
    public async Task TenMinutes_TakesTheShortPath_ShortCards_ChoiceByButton_NoDeeperQuestion_NoFirst()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow, "10 minutes")]);
        Assert.Contains(ConversationFrame.ShortContract, chat.Replies[^2].Text, StringComparison.Ordinal);
        var goalCard = TeamsChat.Content(chat.LastCard()!);
        Assert.DoesNotContain("\"specific\"", goalCard, StringComparison.Ordinal);
        Assert.Contains("\"targetDate\"", goalCard, StringComparison.Ordinal);

        await Transcript.RunAsync(
            chat,
            (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
            ("Morale is low", ["You said: “Morale is low”"]),
            (SessionWalk.OptionsList, [CardTexts.OptionsSavedHeading, SessionTexts.ChooseQuestion]),
            ("Ask my manager for a mentor", ["You chose: “Ask my manager for a mentor”."]));
        Assert.Contains("**Will (the way forward)**", chat.Replies[^1].Text, StringComparison.Ordinal);

        var actionsCard = TeamsChat.Content(chat.LastCard()!);
        Assert.Contains("\"what1\"", actionsCard, StringComparison.Ordinal);
        Assert.DoesNotContain("\"what2\"", actionsCard, StringComparison.Ordinal);

        await Transcript.RunAsync(
            chat,
            (ConfidentActions, [CardTexts.ActionsSavedHeading, ConversationFrame.ContractCheckQuestion]),
            ("Yes", [ConversationFrame.FollowUpQuestion]),
            ("20/03/2026", [SessionTexts.Closing, "Your GROW conversation"]));

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Completed, saved.Status);
        Assert.Empty(saved.FirstRatings);
        Assert.All(saved.Options, option => Assert.Null(option.Impact));
    }

    [Fact]
    public async Task ThirtyMinutes_WalksTheWholePath_WeighingAndFirstIncluded()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow, "30 minutes or more"), .. SessionWalk.GrowMiddleAndEnding()]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(4, saved.Options[0].Impact);
        Assert.Equal(5, saved.FirstRatings.Count);
        Assert.Contains("\"specific\"", TeamsChat.Content(chat.Replies.First(reply => reply.Text?.Contains("**Goal**", StringComparison.Ordinal) == true)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChat_SaysWhoseTurnItIsFirst_ThenTheReflection()
    {
        using var chat = fixture.App.Chat(ChatKind.Group);
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"])]);

        Assert.StartsWith($"**{chat.UserName}**, over to you. Your goal: “Lead my team", chat.Replies[^1].Text, StringComparison.Ordinal);
    }

    private static async Task WalkToFirstAsync(TeamsChat chat) =>
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding().SkipLast(1)]);

    /// <summary>The last bot message whose text contains <paramref name="fragment"/>.</summary>
    private static string Said(TeamsChat chat, string fragment) =>
        chat.Replies.Last(reply => reply.Text?.Contains(fragment, StringComparison.Ordinal) == true).Text!;
}
