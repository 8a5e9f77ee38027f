using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>Each model walked to its end over the real host and its SQLite file, by text and by card submits.</summary>
public sealed class CoachingConversationTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private ICoachingConversationStore Conversations => fixture.App.Services.GetRequiredService<ICoachingConversationStore>();

    private IActionStore ActionStore => fixture.App.Services.GetRequiredService<IActionStore>();

    [Fact]
    public async Task Grow_IsWalkedToItsSummary_AndEverythingIsSaved()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Completed, saved.Status);
        Assert.Equal("grow", saved.ModelId);
        Assert.Equal("Clarity on my next step as a manager", saved.PresentingNeed);
        Assert.Equal("20 minutes", saved.TimeAvailable);
        Assert.Equal("Lead my team through the reorganisation with confidence", saved.Goal!.Goal);
        Assert.Equal(new DateOnly(2026, 6, 30), saved.Goal.TargetDate);
        Assert.Equal("Morale is low and I avoid the hard conversations", saved.Answers["reality"]);
        Assert.Equal(["Ask my manager for a mentor"], saved.Options.Where(o => o.Chosen).Select(o => o.Text));
        Assert.Equal(4, saved.Options[0].Impact);
        Assert.Equal("Yes", saved.ContractCheck);
        Assert.Equal(new DateOnly(2026, 3, 20), saved.FollowUpOn);
        Assert.Equal(5, saved.FirstRatings["tactics"]);
        Assert.Equal("Useful to write it down", saved.FirstComment);
        Assert.NotNull(saved.CompletedAt);

        var actions = await ActionStore.ListForConversationAsync(saved.Id);
        Assert.Equal(["Email my manager about a mentor", "Book an hour with Sam"], actions.OrderBy(a => a.ByWhen).Select(a => a.What));
        Assert.All(actions, action => Assert.Equal(ActionStatus.Open, action.Status));

        var summary = TeamsChat.Content(chat.Replies[^1]);
        Assert.Contains("Lead my team through the reorganisation with confidence", summary, StringComparison.Ordinal);
        Assert.Contains("Email my manager about a mentor", summary, StringComparison.Ordinal);
        Assert.Contains("6 March 2026", summary, StringComparison.Ordinal);
        Assert.Contains("Tactics", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Egan_IsWalkedToItsSummary_WithActionsAskedInTheEnding()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Egan),
                ("My team has changed and I'm not sure where I fit", ["**The preferred picture**"]),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**The way forward**"]),
                (SessionWalk.OptionsList, [CardTexts.OptionsSavedHeading, SessionTexts.WeighQuestion]),
                (SessionWalk.OptionsWeighed, [CardTexts.OptionsSavedHeading, ConversationFrame.ActionsIntroduction]),
                (SessionWalk.Actions, [CardTexts.ActionsSavedHeading, SessionWalk.ConfidenceFollowUp]),
                ("Knowing Sam is free that week", [ConversationFrame.ContractCheckQuestion]),
                ("Partly", [SessionWalk.FollowUp("contract", "Clarity on my next step as a manager")]),
                ("Where my role ends and my manager's begins", [ConversationFrame.FollowUpQuestion]),
                ("2026-03-20", [SessionTexts.FirstQuestion]),
                (SessionWalk.First, [CardTexts.FirstSavedHeading, SessionTexts.Closing, "Your Skilled Helper conversation"]),
            ]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Completed, saved.Status);
        Assert.Equal("My team has changed and I'm not sure where I fit", saved.Answers["current"]);
        Assert.Equal("Partly", saved.ContractCheck);
        Assert.Equal("Where my role ends and my manager's begins", saved.Answers["followup:contract"]);
        Assert.Equal(2, (await ActionStore.ListForConversationAsync(saved.Id)).Count);
    }

    [Fact]
    public async Task AliGraham_IsWalkedToItsSummary_ByTextAndCards()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.AliGraham),
                ("Whether to apply for the team lead role", ["**The Exploring phase**"]),
                ("I enjoy developing people but dread the admin", ["**The Evaluating phase**"]),
                (SessionWalk.OptionsList, [CardTexts.OptionsSavedHeading, SessionTexts.WeighQuestion]),
                (SessionWalk.OptionsWeighed, [CardTexts.OptionsSavedHeading, "**The Action Planning phase**"]),
                (SessionWalk.Actions, [CardTexts.ActionsSavedHeading, SessionWalk.ConfidenceFollowUp]),
                ("A date in the diary", [ConversationFrame.ContractCheckQuestion]),
                ("Not really", [SessionWalk.FollowUp("contract", "Clarity on my next step as a manager")]),
                ("I still don't know if I want it", [ConversationFrame.FollowUpQuestion]),
                ("tomorrow", [SessionTexts.FirstQuestion]),
                (SessionWalk.First, [CardTexts.FirstSavedHeading, SessionTexts.Closing, "Your Ali and Graham conversation"]),
            ]);

        var saved = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal("Whether to apply for the team lead role", saved.Answers["clarifying"]);
        Assert.Equal("I enjoy developing people but dread the admin", saved.Answers["exploring"]);
        Assert.Equal(new DateOnly(2026, 3, 3), saved.FollowUpOn);
        Assert.Null(saved.Goal);
    }

    [Fact]
    public async Task Cancel_KeepsADraft_AndStartingAgainOffersToResumeAtTheSameQuestion()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"])]);
        await Transcript.RunAsync(chat, ("cancel", [BotMessages.CancelledKeptDraft]));

        var draft = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Draft, draft.Status);
        Assert.NotNull(draft.Goal);

        await Transcript.RunAsync(
            chat,
            ("grow", ["unfinished **GROW** conversation"]),
            ("yes", ["Welcome back", "**Reality**"]),
            ("Morale is low and I avoid the hard conversations", ["**Options**"]));

        var resumed = (await Conversations.ListAsync(chat.UserId)).Single();
        Assert.Equal(ConversationStatus.Active, resumed.Status);
        Assert.Equal("Morale is low and I avoid the hard conversations", resumed.Answers["reality"]);
    }

    [Fact]
    public async Task StartingAgain_CanLeaveTheDraftAndBeginANewConversation()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow)]);
        await Transcript.RunAsync(
            chat,
            ("cancel", [BotMessages.CancelledKeptDraft]),
            ("egan", ["unfinished **GROW** conversation"]),
            ("no", [CoachingModels.Egan.AConversation, ConversationFrame.PresentingNeedQuestion]));

        var all = await Conversations.ListAsync(chat.UserId);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, c => c.ModelId == "grow" && c.Status == ConversationStatus.Draft);
        Assert.Contains(all, c => c.ModelId == "egan" && c.Status == ConversationStatus.Active);
    }

    [Fact]
    public async Task DecliningTheContract_KeepsADraft()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", ["**GROW** conversation", ConversationFrame.PresentingNeedQuestion]),
            ("Clarity", [ConversationFrame.TimeQuestion]),
            ("10 minutes", [ConversationFrame.ContractQuestion]),
            ("no", [SessionTexts.NotNow(CoachingModels.Grow)]));

        Assert.Equal(ConversationStatus.Draft, (await Conversations.ListAsync(chat.UserId)).Single().Status);
    }

    [Fact]
    public async Task Start_RecommendsEgan_WhenTheClientCannotNameAGoalYet()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("start", [ChooseModelDialog.GoalQuestion]),
            ("Not yet", [ChooseModelDialog.NeedQuestion]),
            ("Making sense of things", ["I suggest **The Skilled Helper**"]),
            ("yes", [CoachingModels.Egan.AConversation, ConversationFrame.PresentingNeedQuestion]));
    }

    [Theory]
    [InlineData("Yes, clearly", "Acting on a goal", "grow")]
    [InlineData("Roughly", "Acting on a goal", "egan")]
    [InlineData("Not yet", "Making sense of things", "egan")]
    [InlineData("Yes, clearly", "Agreeing what to work on", "aligraham")]
    public void Recommend_FollowsTheCourseTextsReasoning(string goal, string need, string model) =>
        Assert.Equal(model, ChooseModelDialog.Recommend(goal, need).Model.Id);
}
