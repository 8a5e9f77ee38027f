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

    [Fact]
    public async Task Grow_AsksGoalThenRealityAndPlaysThemBack_WhenWalkedToItsEnd()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("Lead my team through the reorganisation with confidence", [GrowDialog.RealityQuestion]),
            ("Morale is low and I avoid the hard conversations", ["**Goal:** Lead my team through the reorganisation with confidence"]),
            ("help", ["Here is what I can do"]));

        Assert.Contains("**Reality:** Morale is low and I avoid the hard conversations", chat.Replies[^2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_RepeatsTheQuestion_WhenAskedInTheMiddleOfGrow()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("help", ["Here is what I can do", BotMessages.ResumeAfterHelp, GrowDialog.GoalQuestion]),
            ("Speak up in leadership meetings", [GrowDialog.RealityQuestion]));
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
    public async Task Grow_RefusesAnOverlongAnswer_AndKeepsAskingTheSameQuestion()
    {
        using var chat = fixture.App.Chat();
        var tooLong = new string('a', GrowDialog.MaxAnswerLength + 1);
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            (tooLong, [$"{GrowDialog.MaxAnswerLength}", GrowDialog.GoalQuestion]),
            ("A shorter goal", [GrowDialog.RealityQuestion]));
    }

    [Fact]
    public async Task Grow_WorksInAGroupChat_WhenMessagesMentionTheBot()
    {
        using var chat = fixture.App.Chat(ChatKind.Group);
        await Transcript.RunAsync(
            chat,
            ("grow", [GrowDialog.GoalQuestion]),
            ("Agree a development plan", [GrowDialog.RealityQuestion]),
            ("No plan yet", ["**Goal:** Agree a development plan"]));

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
