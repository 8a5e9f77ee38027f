using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>
/// <c>back</c> and a message sent in two parts, inside a model conversation, as transcripts over the real host:
/// back asks the previous question again showing the answer given, and a second message sent straight after an answer
/// is joined to it, whether a question or a card is waiting, instead of being taken for the next answer.
/// </summary>
public sealed class BackAndJoinTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private const string Reality = "Morale is low and I avoid the hard conversations";

    /// <summary>When the client's typed messages below are sent: Teams stamps every activity; the bot's clock does not matter.</summary>
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private ICoachingConversationStore Conversations => fixture.App.Services.GetRequiredService<ICoachingConversationStore>();

    private static (object, string[])[] ToReality() =>
        [.. SessionWalk.Beginning(CoachingModels.Grow), (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"])];

    [Fact]
    public async Task Back_AtTheOptionsCard_AsksRealityAgain_ShowingTheAnswer_AndTheNewAnswerReplacesIt()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Reality, ["**Options**"]),
                ("back", [Previous(Reality)]),
            ]);
        Assert.Contains(CoachingModels.Grow.Stages[1].Questions[0], chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Null(chat.Replies[^1].Attachments);
        Assert.False((await SavedAsync(chat)).Answers.ContainsKey("reality"));

        await Transcript.RunAsync(chat, ("Two of my team leads have stopped speaking up in meetings", ["You said: “Two of my team leads have stopped speaking up in meetings”"]));

        Assert.Contains("**Options**", chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("Two of my team leads have stopped speaking up in meetings", (await SavedAsync(chat)).Answers["reality"]);
    }

    [Fact]
    public async Task Back_Twice_ReturnsToTheGoalCard_AndTheGoalIsAskedAfresh()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Reality, ["**Options**"]),
                ("back", [Previous(Reality)]),
                ("back", [SessionTexts.BackToCard]),
            ]);
        Assert.Contains("**Goal**", chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.NotNull(chat.LastCard());
        Assert.Same(chat.Replies[^1], chat.LastCard());
        Assert.Null((await SavedAsync(chat)).Goal);

        await Transcript.RunAsync(chat, ("Speak up in leadership meetings by 30/06/2026", ["Your goal: “Speak up in leadership meetings”, by 30 June 2026."]));
        Assert.Contains("**Reality**", chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("Speak up in leadership meetings", (await SavedAsync(chat)).Goal!.Goal);
    }

    [Fact]
    public async Task Back_AtTheTimeQuestion_AsksWhatTheClientWantsAgain_AndTheAnswerIsShown()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            (CoachingModels.Grow.Command, [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]),
            ("Clarity on my next step", [ConversationFrame.TimeQuestion]),
            ("back", [Previous("Clarity on my next step")]),
            ("Clarity on my next step as a manager", [ConversationFrame.TimeQuestion]));

        Assert.Contains(ConversationFrame.PresentingNeedQuestion, chat.Replies[^2].Text, StringComparison.Ordinal);
        Assert.Equal("Clarity on my next step as a manager", (await SavedAsync(chat)).PresentingNeed);
    }

    [Fact]
    public async Task Back_AtTheFirstQuestion_SaysThereIsNothingEarlier_AndAsksItAgain()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            (CoachingModels.Grow.Command, [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]),
            ("back", ["There's no earlier question to go back to here.", ConversationFrame.PresentingNeedQuestion]));

        Assert.Null((await SavedAsync(chat)).PresentingNeed);
    }

    [Fact]
    public async Task Back_AfterTheActionsAreSaved_SaysTheyAreKept_AndAsksTheSameQuestionAgain()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                .. SessionWalk.GrowMiddleAndEnding().Take(5),
                ("back", [SessionTexts.BackStopsAtActions]),
            ]);

        Assert.EndsWith(SessionWalk.ConfidenceFollowUp, chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(ConversationStatus.Active, (await SavedAsync(chat)).Status);
    }

    [Fact]
    public async Task SecondMessage_SecondsAfterAShortAnswer_IsJoinedToIt_AndNoDeeperQuestionIsNeeded()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Typed(chat, "Morale is low", At), [CoachingModels.Grow.Stages[1].Questions[1]]),
                (Typed(chat, "and two people left the planning meeting upset last week", At.AddSeconds(6)), [SessionTexts.AddedToAnswer]),
            ]);

        var joined = "Morale is low\n\nand two people left the planning meeting upset last week";
        Assert.Equal(joined, (await SavedAsync(chat)).Answers["reality"]);
        var said = chat.Replies[^1].Text!;
        Assert.Contains("You said: “Morale is low / and two people left the planning meeting upset last week”", said, StringComparison.Ordinal);
        Assert.Contains("**Options**", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondMessage_WhileTheOptionsCardWaits_IsJoinedToReality_NotTakenAsTheOptions()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Typed(chat, Reality, At), ["**Options**"]),
                (Typed(chat, "I'm worried the team thinks I don't rate their work", At.AddSeconds(9)), [SessionTexts.AddedToAnswer]),
                (Typed(chat, "and I haven't told anyone that", At.AddSeconds(20)), [SessionTexts.AddedToAnswer]),
            ]);

        var saved = await SavedAsync(chat);
        Assert.Equal(Reality + "\n\nI'm worried the team thinks I don't rate their work\n\nand I haven't told anyone that", saved.Answers["reality"]);
        Assert.Empty(saved.Options);
        Assert.Contains("**Options**", chat.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Same(chat.Replies[^1], chat.LastCard());
    }

    [Fact]
    public async Task TypedMessage_WhileTheOptionsCardWaits_IsTheOptions_WhenItComesAfterTheJoinWindow()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Typed(chat, Reality, At), ["**Options**"]),
                (Typed(chat, "Ask my manager for a mentor\nShadow a peer", At + ModelConversationDialog.JoinWindow + TimeSpan.FromSeconds(1)), [SessionTexts.WeighQuestion]),
            ]);

        var saved = await SavedAsync(chat);
        Assert.Equal(Reality, saved.Answers["reality"]);
        Assert.Equal(["Ask my manager for a mentor", "Shadow a peer"], saved.Options.Select(option => option.Text));
    }

    [Fact]
    public async Task TypedOptionList_SecondsAfterReality_IsTheOptions_NotJoined()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. ToReality(),
                (Typed(chat, Reality, At), ["**Options**"]),
                (Typed(chat, "Ask my manager for a mentor; Shadow a peer", At.AddSeconds(4)), [SessionTexts.WeighQuestion]),
            ]);

        var saved = await SavedAsync(chat);
        Assert.Equal(Reality, saved.Answers["reality"]);
        Assert.Equal(["Ask my manager for a mentor", "Shadow a peer"], saved.Options.Select(option => option.Text));
    }

    [Fact]
    public async Task SecondMessage_AfterAButtonAnswer_IsNotJoined_ButAnswersTheNextQuestion()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            (CoachingModels.Grow.Command, [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]),
            (Typed(chat, "Clarity on my next step as a manager", At), [ConversationFrame.TimeQuestion]),
            (Typed(chat, "20 minutes", At.AddSeconds(30)), [ConversationFrame.ContractQuestion]),
            (Typed(chat, "yes", At.AddSeconds(33)), ["**Goal**"]));

        var saved = await SavedAsync(chat);
        Assert.Equal(("Clarity on my next step as a manager", "20 minutes"), (saved.PresentingNeed, saved.TimeAvailable));
    }

    [Fact]
    public async Task ButtonClickedSecondsAfterATypedAnswer_AnswersTheButtonsQuestion_NotJoined()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            (CoachingModels.Grow.Command, [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]),
            (Typed(chat, "Clarity on my next step as a manager", At), [ConversationFrame.TimeQuestion]),
            (Typed(chat, "20 minutes", At.AddSeconds(4)), [ConversationFrame.ContractQuestion]));

        var saved = await SavedAsync(chat);
        Assert.Equal(("Clarity on my next step as a manager", "20 minutes"), (saved.PresentingNeed, saved.TimeAvailable));
    }

    [Fact]
    public async Task SecondMessage_SecondsAfterTheNeed_WhileTheTimeButtonsWait_IsJoinedToTheNeed()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            (CoachingModels.Grow.Command, [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]),
            (Typed(chat, "Clarity on my next step", At), [ConversationFrame.TimeQuestion]),
            (Typed(chat, "as a new manager", At.AddSeconds(5)), [SessionTexts.AddedToAnswer + "\n\n" + ConversationFrame.TimeQuestion]));

        Assert.Equal("Clarity on my next step\n\nas a new manager", (await SavedAsync(chat)).PresentingNeed);
    }

    private static Activity Typed(TeamsChat chat, string text, DateTimeOffset at)
    {
        var activity = chat.Message(text);
        activity.Timestamp = at;
        return activity;
    }

    private static string Previous(string answer) =>
        TextFormat.Format(SessionTexts.BackPreviousAnswer, answer);

    private async Task<CoachingConversation> SavedAsync(TeamsChat chat) => (await Conversations.ListAsync(chat.UserId)).Single();
}
