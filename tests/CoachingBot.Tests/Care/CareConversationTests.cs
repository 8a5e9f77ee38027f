using CoachingBot.Sessions;
using CoachingBot.Care;
using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Tests.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Tests.Care;

/// <summary>A bot whose organisation has configured its support, as a deployment would.</summary>
public sealed class CareBotFixture : IAsyncLifetime
{
    public const string SupportLine = "Employee Assistance Programme: 0800 000 0000, free and confidential, 24 hours";
    public const string SupportUrl = "https://wellbeing.example.com/support";
    public const string EmergencyNumber = "999";

    private BotApp? _app;

    public BotApp App => _app ?? throw new InvalidOperationException("The bot has not started.");

    public async Task InitializeAsync() => _app = await BotApp.StartAsync(new Dictionary<string, string?>
    {
        ["Care:SupportLine"] = SupportLine,
        ["Care:SupportUrl"] = SupportUrl,
        ["Care:EmergencyNumber"] = EmergencyNumber,
    });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Messages that signal distress, in and out of a coaching conversation, through the real bot.</summary>
public sealed class CareConversationTests(CareBotFixture configured, BotAppFixture unconfigured) : IClassFixture<CareBotFixture>, IClassFixture<BotAppFixture>
{
    private const string Distress = "Honestly, I had a panic attack at work yesterday";

    [Fact]
    public async Task DistressInGrow_StopsTheFlowWithTheConfiguredSupport_AndTheNextMessageCarriesOn()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                (Distress, [CareTexts.Opening]),
                ("Thanks. I'm OK to carry on now", [CareTexts.Resume, "**Reality**"]),
                ("Morale is low and I avoid the hard conversations", ["**Options**"]),
            ]);

        var care = chat.Replies.Single(reply => reply.Text?.StartsWith(CareTexts.Opening, StringComparison.Ordinal) == true).Text!;
        Assert.Contains(Filled(CareTexts.EmergencyNumber, CareBotFixture.EmergencyNumber), care, StringComparison.Ordinal);
        Assert.Contains(Filled(CareTexts.SupportLine, CareBotFixture.SupportLine), care, StringComparison.Ordinal);
        Assert.Contains(Filled(CareTexts.SupportUrl, CareBotFixture.SupportUrl), care, StringComparison.Ordinal);
        Assert.Contains(CareTexts.TellYourCoach, care, StringComparison.Ordinal);
        Assert.Contains(CareTexts.CarryOnLater, care, StringComparison.Ordinal);
        Assert.DoesNotContain("Reality", care, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedConversation_TakesACardSubmit_AsTheAnswerItWaitsFor()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                ("I don't want to live anymore", [CareTexts.Opening]),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
            ]);
    }

    [Fact]
    public async Task PausedConversation_CanBeCancelled_AndKeepsTheDraft()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (Distress, [CareTexts.Opening]),
                ("cancel", [BotMessages.CancelledKeptDraft]),
                ("grow", ["**GROW**"]),
            ]);
    }

    [Fact]
    public async Task PausedConversation_AnswersHelp_AndRepeatsTheQuestion()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (Distress, [CareTexts.Opening]),
                ("help", [BotMessages.Help, BotMessages.ResumeAfterHelp, "**Goal**"]),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
            ]);
    }

    [Fact]
    public async Task SecondDistressMessage_WhilePaused_IsMetWithCareAgain_AndStillPaused()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            [
                .. SessionWalk.Beginning(CoachingModels.Grow),
                (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]),
                (Distress, [CareTexts.Opening]),
                ("I can't stop crying at my desk", [CareTexts.Opening]),
                ("ok", [CareTexts.Resume, "**Reality**"]),
            ]);
    }

    [Fact]
    public async Task Distress_OutsideAConversation_IsMetWithCare_AndNothingIsStarted()
    {
        using var chat = configured.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("My partner hits me", [CareTexts.CarryOnLaterNoConversation]),
            ("thank you", [BotMessages.NotUnderstood]));
    }

    [Fact]
    public async Task Distress_InAGroupChat_IsReadAfterTheMention()
    {
        using var chat = configured.App.Chat(ChatKind.Group);
        await Transcript.RunAsync(chat, ("I feel completely worthless", [CareTexts.Opening]));
    }

    [Fact]
    public async Task CareReply_NamesEmergencyServicesAndNoSupportList_WhenNothingIsConfigured()
    {
        using var chat = unconfigured.App.Chat();
        await Transcript.RunAsync(chat, ("I want to hurt myself", [CareTexts.Opening]));

        var care = chat.Replies[^1].Text!;
        Assert.Contains(CareTexts.Emergency, care, StringComparison.Ordinal);
        Assert.Contains(CareTexts.NotACounsellorNoSupport, care, StringComparison.Ordinal);
        Assert.DoesNotContain(CareTexts.NotACounsellor + "\n", care, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CareOffered_IsLogged_WithNothingOfTheMessage()
    {
        using var logs = new CapturedLogs();
        configured.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var chat = configured.App.Chat();
        const string Marker = "zebra-7431";

        await Transcript.RunAsync(chat, ($"I keep thinking about ending my life {Marker}", [CareTexts.Opening]));

        Assert.Contains(logs.Entries, entry => entry.Message.StartsWith("Care offered", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Marker, StringComparison.Ordinal)
            || entry.State.Any(pair => pair.Value?.ToString()?.Contains(Marker, StringComparison.Ordinal) == true));
    }

    private static string Filled(string format, string value) => format.Replace("{0}", value, StringComparison.Ordinal);
}
