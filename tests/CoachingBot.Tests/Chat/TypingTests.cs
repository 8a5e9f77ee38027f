using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Chat;

/// <summary>What people type, through the real bot: long answers kept whole, and <c>back</c>.</summary>
public sealed class TypingTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    [Fact]
    public async Task FiveThousandCharacterAnswer_IsKeptWhole()
    {
        var reality = string.Concat(Enumerable.Repeat("Morale is low and I avoid the hard conversations with my team. ", 80))[..5_000].Trim();
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), (SessionWalk.Goal, [CardTexts.GoalSavedHeading, "**Reality**"]), (reality, ["**Options**"])]);

        var saved = Assert.Single(await fixture.App.Services.GetRequiredService<ICoachingConversationStore>().ListAsync(chat.UserId));
        Assert.Equal(reality, saved.Answers["reality"]);
    }

    [Fact]
    public async Task Back_ReturnsToThePreviousQuestion_AndShowsTheAnswer()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(
            chat,
            ("start", [ChooseModelDialog.GoalQuestion]),
            ("Roughly", [ChooseModelDialog.NeedQuestion]),
            ("back", ["Your answer was:\n\nRoughly", ChooseModelDialog.GoalQuestion]),
            ("Yes, clearly", [ChooseModelDialog.NeedQuestion]),
            ("Acting on a goal", ["GROW focuses on your goal"]));
    }
}
