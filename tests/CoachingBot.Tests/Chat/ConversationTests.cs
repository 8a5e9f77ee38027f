using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Chat;

/// <summary>Commands, interruptions and installs with the real bot over its real turn pipeline and storage, as transcripts.</summary>
public sealed class ConversationTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    public static TheoryData<string, string> CommandAnswers() => new()
    {
        { "help", BotMessages.Help },
        { "HELP", BotMessages.Help },
        { "/help", BotMessages.Help },
        { "cancel", BotMessages.NothingToCancel },
        { "reflect", BotMessages.NotAvailableYet(Command.Reflect) },
        { "actions", ActionsCommand.NoOpenActions },
        { "hello there", BotMessages.NotUnderstood },
    };

    [Theory]
    [MemberData(nameof(CommandAnswers))]
    public async Task Command_Answers_WhenNoConversationInProgress(string userSays, string botSays)
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, (userSays, [botSays]));
    }

    [Fact]
    public async Task Help_RepeatsTheQuestion_WhenAskedInTheMiddleOfAConversation()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                ("help", [BotMessages.Help, BotMessages.ResumeAfterHelp, "**Goal**"]),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
            ]);
    }

    [Fact]
    public async Task Cancel_StopsTheConversation_AndTheNextMessageIsNotTakenAsAnAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("grow", ["**GROW** conversation", ConversationFrame.PresentingNeedQuestion]),
            ("cancel", [BotMessages.CancelledKeptDraft]),
            ("Speak up in leadership meetings", [BotMessages.NotUnderstood]),
            ("cancel", [BotMessages.NothingToCancel]));
    }

    [Fact]
    public async Task TextAnswer_LongerThanATeamsMessage_IsRefusedAtTheDoor_AndTheQuestionStillWaits()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"])]);

        var response = await chat.SendAsync(chat.Message(new string('a', ModelConversationDialog.MaxTextAnswerLength + 1)));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        await Transcript.RunAsync(chat, ("A shorter answer, in a few more words", ["**Options**"]));
    }

    [Fact]
    public async Task GoalCard_IsReplacedByWhatWasSaved_WhenValid()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, SessionWalk.Beginning(CoachingModels.Grow));
        var form = chat.LastCard()!;

        await Transcript.RunAsync(chat, (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]));

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
    public async Task GoalCard_IsReshownWithTheReasonAndWhatWasTyped_WhenAFieldIsWrong(string goal, string targetDate, string reason)
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (new CardSubmit(new { card = "goal", goal, specific = "Lead the Q3 planning", targetDate }), ["Some answers need another look", reason]),
            ]);

        var reshown = TeamsChat.Content(chat.LastCard()!);
        Assert.Contains(reason, reshown, StringComparison.Ordinal);
        Assert.Contains("Lead the Q3 planning", reshown, StringComparison.Ordinal);
        await Transcript.RunAsync(chat, (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]));
    }

    [Theory]
    [InlineData("options", """{"option1":""}""", "Option 1 is required.")]
    [InlineData("options", """{"option1":"Same","option2":"same"}""", "(options the same)")]
    [InlineData("optionsWeighed", """{"option1":"Mentor","impact1":"6","ease1":"3"}""", "Impact of option 1 must be a whole number from 1 to 5.")]
    [InlineData("optionsWeighed", """{"option1":"Mentor","impact1":"4","ease1":"3","chosen1":"false"}""", "(none chosen)")]
    [InlineData("actions", """{"what1":"Email","byWhen1":"2026-03-01","confidence1":"8"}""", "can't be in the past.")]
    [InlineData("actions", """{"what1":"Email","byWhen1":"2026-03-06","confidence1":"11"}""", "must be a whole number from 1 to 10.")]
    [InlineData("actions", """{"what1":"Email","byWhen1":"2026-03-06","confidence1":"8","support2":"Sam"}""", "Action 2 is required.")]
    [InlineData("first", """{"focus":"4","informed":"3","realistic":"4","scope":"3"}""", "Tactics is required.")]
    public async Task Cards_AreReshownWithTheReason_WhenAFieldIsWrong(string card, string fields, string reason)
    {
        using var chat = fixture.App.Chat();
        var rows = new List<(object, string[])>(SessionWalk.Beginning(CoachingModels.Grow))
        {
            (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
            ("Morale is low and I avoid the hard conversations", ["**Options**"]),
        };
        var walk = SessionWalk.GrowMiddleAndEnding();
        var upTo = card switch { "options" => 2, "optionsWeighed" => 3, "actions" => 4, _ => 8 };
        rows.AddRange(walk.Skip(2).Take(upTo - 2));
        await Transcript.RunAsync(chat, [.. rows]);

        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(fields)!;
        values["card"] = card;
        // A reason in brackets is the card's own message about the whole answer, named by its resource.
        var said = reason switch
        {
            "(options the same)" => CardTexts.OptionsSame,
            "(none chosen)" => CardTexts.ChooseAtLeastOne,
            _ => reason,
        };
        await Transcript.RunAsync(chat, (new CardSubmit(values), ["Some answers need another look", said]));
    }

    [Fact]
    public async Task SavedCard_ChangesNothing_WhenSubmittedAgain()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, SessionWalk.Beginning(CoachingModels.Grow));
        var form = chat.LastCard()!;
        await Transcript.RunAsync(chat, (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]));

        var again = chat.Submit(new { card = "goal", goal = "A different goal", targetDate = "2026-07-31" }, form.Id);
        var replies = await chat.ExchangeAsync(again, 2);
        Assert.Equal(BotMessages.CardAlreadySaved, replies[^2].Text);
        Assert.Contains("**Reality**", replies[^1].Text, StringComparison.Ordinal);
        await Transcript.RunAsync(chat, ("Morale is low and I avoid the hard conversations", ["**Options**"]));
    }

    [Fact]
    public async Task GoalCard_IsFilledFromTheGoal_WhenTheGoalIsTypedInstead()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), ("Get promoted", [TypedAnswers.GoalFilled, $"\"id\":\"{GoalCard.GoalId}\""])]);
    }

    [Fact]
    public async Task GroupChat_SaysWhoseAnswerItIsWaitingFor_AndTakesOnlyTheirs()
    {
        using var client = fixture.App.Chat(ChatKind.Group);
        await Transcript.RunAsync(client, ("grow", ["**GROW** conversation", $"**{client.UserName}**, over to you"]));

        using var coach = new TeamsChat(new HttpClient { BaseAddress = fixture.App.BaseAddress }, fixture.App.Connector, ChatKind.Group, client.ConversationId)
        {
            UserId = "29:1coach",
            UserName = "Chris Coach",
        };
        await Transcript.RunAsync(coach, ("I think it's about confidence", [$"waiting for **{client.UserName}**"]));
        await Transcript.RunAsync(client, ("Clarity on my next step", [ConversationFrame.TimeQuestion]));

        Assert.DoesNotContain(client.Replies, reply => reply.Text?.Contains("<at>", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Install_WelcomesOnce_WhenTeamsSendsBothInstallEvents()
    {
        using var chat = fixture.App.Chat();
        var installation = chat.NewActivity(Teams.Schema.ActivityTypes.InstallationUpdate);
        installation.Action = "add";

        await chat.ExchangeAsync(chat.Install(), 1);
        await chat.ExchangeAsync(installation, 0);
        await Transcript.RunAsync(chat, ("help", [BotMessages.Help]));

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
