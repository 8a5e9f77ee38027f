using CoachingBot.Chat;
using CoachingBot.Sessions;
using CoachingBot.Models;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Restart;

/// <summary>A bot process killed mid-dialog, and a new one on the same SQLite file, carrying on.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Grow_ContinuesAtTheSameStep_WhenTheProcessIsKilledBetweenTwoAnswers()
    {
        using var folder = new TestFolder();
        await using var connector = await FakeConnector.StartAsync();

        string conversationId;
        string userId;
        await using (var first = await BotProcess.StartAsync(folder.Path))
        {
            using var chat = new TeamsChat(new HttpClient { BaseAddress = first.BaseAddress }, connector, ChatKind.Personal);
            conversationId = chat.ConversationId;
            userId = chat.UserId;
            await chat.ExchangeAsync(chat.Install(), 1);
            // This bot runs on the real clock: a target date two months out is in the future whenever the test runs.
            var targetDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await Transcript.RunAsync(
                chat,
                [
                    ("help", [BotMessages.Help]),
                    .. SessionWalk.Beginning(CoachingModels.Grow),
                    (new CardSubmit(new { card = "goal", goal = "Delegate more to my deputy", targetDate }), [CardTexts.GoalSavedHeading, "**Reality**"]),
                ]);

            await first.KillAsync();
            Assert.True(first.HasExited);
        }

        await using var second = await BotProcess.StartAsync(folder.Path);
        using var resumed = new TeamsChat(new HttpClient { BaseAddress = second.BaseAddress }, connector, ChatKind.Personal, conversationId) { UserId = userId };
        await Transcript.RunAsync(resumed, ("I still approve every decision myself", ["**Options**"]));
    }
}
