using CoachingBot.Chat;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Chat;

/// <summary>Conversations with the real bot over its real turn pipeline and storage, as transcripts.</summary>
public sealed class ConversationTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    [Theory]
    [InlineData("help", "Here is what I can do")]
    [InlineData("HELP", "Here is what I can do")]
    [InlineData("/help", "Here is what I can do")]
    [InlineData("cancel", "nothing in progress to cancel")]
    [InlineData("egan", "Egan's Skilled Helper isn't available yet")]
    [InlineData("reflect", "Reflections aren't available yet")]
    [InlineData("actions", "action list isn't available yet")]
    [InlineData("hello there", "I didn't catch that")]
    public async Task Command_Answers_WhenNoConversationInProgress(string userSays, string botSays)
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, (userSays, [botSays]));
    }

    // The bot's clock reads Monday 2 March 2026 (TestClock); the user is in Europe/London.
    private static readonly CardSubmit ValidGoal = new(new
    {
        card = "goal",
        goal = "Lead my team through the reorganisation with confidence",
        specific = "Run the change meetings myself",
        measure = "Team survey confidence score up by 10 points",
        achievable = "",
        relevant = "The reorganisation starts in April",
        targetDate = "2026-06-30",
    });

    [Fact]
    public async Task Grow_TakesGoalCardThenRealityAndPlaysThemBack_WhenWalkedToItsEnd()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]),
            ("Morale is low and I avoid the hard conversations", ["**Goal:** Lead my team through the reorganisation with confidence (by 30 June 2026)"]),
            ("help", ["Here is what I can do"]));

        Assert.Contains("**Reality:** Morale is low and I avoid the hard conversations", chat.Replies[^2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grow_ReplacesTheGoalFormWithWhatWasSaved_WhenTheCardIsValid()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, ("grow", [GrowDialog.GoalQuestion]));
        var form = chat.LastCard()!;

        await Transcript.RunAsync(chat, (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]));

        var update = fixture.App.Connector.Calls.Single(c => c.ConversationId == chat.ConversationId && c.Method == "PUT");
        Assert.Equal(form.Id, update.ActivityId);
        var saved = TeamsChat.Content(update.Activity);
        Assert.DoesNotContain("Input.", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Submit", saved, StringComparison.Ordinal);
        Assert.Contains("Team survey confidence score up by 10 points", saved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2026-06-30", "Your goal is required.")]
    [InlineData("   ", "2026-06-30", "Your goal is required.")]
    [InlineData("Get promoted", "", "Target date is required.")]
    [InlineData("Get promoted", "2026-03-01", "Target date can't be in the past.")]
    [InlineData("Get promoted", "30/06/2026", "Target date must be a real date")]
    public async Task Grow_ReshowsTheGoalCardWithTheReasonAndWhatWasTyped_WhenAFieldIsWrong(string goal, string targetDate, string reason)
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (new CardSubmit(new { goal, specific = "Lead the Q3 planning", targetDate }), ["Some answers need another look", reason]));

        var reshown = TeamsChat.Content(chat.LastCard()!);
        Assert.Contains(reason, reshown, StringComparison.Ordinal);
        Assert.Contains("Lead the Q3 planning", reshown, StringComparison.Ordinal);

        // The same question is still open: a valid card now moves on.
        await Transcript.RunAsync(chat, (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]));
    }

    [Fact]
    public async Task Grow_RefusesAnOverlongGoal_WithTheLimit()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (new CardSubmit(new { goal = new string('g', GoalCard.MaxGoalLength + 1), targetDate = "2026-06-30" }), ["Some answers need another look", $"{GoalCard.MaxGoalLength} characters or fewer"]));
    }

    [Fact]
    public async Task Grow_ChangesNothing_WhenTheSavedGoalCardIsSubmittedAgain()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, ("grow", [GrowDialog.GoalQuestion]));
        var form = chat.LastCard()!;
        await Transcript.RunAsync(chat, (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]));

        var again = chat.Submit(new { card = "goal", goal = "A different goal", targetDate = "2026-07-31" }, form.Id);
        var replies = await chat.ExchangeAsync(again, 2);
        Assert.Equal(BotMessages.CardAlreadySaved, replies[^2].Text);
        Assert.Equal(GrowDialog.RealityQuestion, replies[^1].Text);

        await Transcript.RunAsync(chat, ("Morale is low", ["**Goal:** Lead my team through the reorganisation with confidence"]));
        var afterEnd = chat.Submit(new { card = "goal", goal = "A different goal", targetDate = "2026-07-31" }, form.Id);
        replies = await chat.ExchangeAsync(afterEnd, 1);
        Assert.Equal(BotMessages.CardAlreadySaved, replies[^1].Text);
    }

    [Fact]
    public async Task Grow_AsksForTheCard_WhenTheGoalIsTypedInstead()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("Get promoted", ["use the card", GrowDialog.GoalQuestion]));
    }

    [Fact]
    public async Task Help_RepeatsTheQuestion_WhenAskedInTheMiddleOfGrow()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("help", ["Here is what I can do", BotMessages.ResumeAfterHelp, GrowDialog.GoalQuestion]),
            (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]));
    }

    [Fact]
    public async Task Cancel_StopsGrow_AndTheNextMessageIsNotTakenAsAnAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("cancel", ["Stopped."]),
            ("Speak up in leadership meetings", ["I didn't catch that"]),
            ("cancel", ["nothing in progress to cancel"]));
    }

    [Fact]
    public async Task Grow_RefusesAnOverlongReality_AndKeepsAskingTheSameQuestion()
    {
        using var chat = fixture.App.Chat();
        var tooLong = new string('a', GrowDialog.MaxAnswerLength + 1);
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]),
            (tooLong, [$"{GrowDialog.MaxAnswerLength}", GrowDialog.RealityQuestion]),
            ("A shorter answer", ["**Reality:** A shorter answer"]));
    }

    [Fact]
    public async Task Grow_WorksInAGroupChat_WhenMessagesMentionTheBot()
    {
        using var chat = fixture.App.Chat(ChatKind.Group);
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (ValidGoal, ["Your goal (saved)", GrowDialog.RealityQuestion]),
            ("No plan yet", ["**Goal:** Lead my team through the reorganisation"]));

        Assert.DoesNotContain("<at>", chat.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_WelcomesOnce_WhenTeamsSendsBothInstallEvents()
    {
        using var chat = fixture.App.Chat();
        var installation = chat.NewActivity(Teams.Schema.ActivityTypes.InstallationUpdate);
        installation.Action = "add";

        await chat.ExchangeAsync(chat.Install(), 1);
        await chat.ExchangeAsync(installation, 0);
        await Transcript.RunAsync(chat, ("help", ["Here is what I can do"]));

        Assert.Equal(2, chat.Replies.Count);
        Assert.Contains("Hi Ana, I'm **CoachingBot**", chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Who sees what", chat.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_ExplainsGroupUse_WhenAddedToAGroupChat()
    {
        using var chat = fixture.App.Chat(ChatKind.Group);
        var replies = await chat.ExchangeAsync(chat.Install(), 1);

        Assert.Equal(BotMessages.GroupWelcome, replies[0].Text);
    }

    [Fact]
    public async Task Install_WelcomesAgain_WhenReinstalledAfterRemoval()
    {
        using var chat = fixture.App.Chat();
        await chat.ExchangeAsync(chat.Install(), 1);
        var removal = chat.NewActivity(Teams.Schema.ActivityTypes.InstallationUpdate);
        removal.Action = "remove";
        await chat.ExchangeAsync(removal, 0);
        var replies = await chat.ExchangeAsync(chat.Install(), 1);

        Assert.Equal(2, replies.Count);
    }
}
