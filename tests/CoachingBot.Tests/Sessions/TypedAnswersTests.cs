using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>Yes and no, and dates, as people type them, in a whole conversation (the bot's today: Monday 2 March 2026).</summary>
public sealed class TypedAnswersTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    [Theory]
    [InlineData("nxt friday", "2026-03-13")]
    [InlineData("in two weeks", "2026-03-16")]
    [InlineData("20/3", "2026-03-20")] // the chat is en-GB: day first
    [InlineData("end of the month", "2026-03-31")]
    public async Task Grow_TakesYesPleaseAndADateInWords_AndSavesTheDate(string followUp, string expected)
    {
        using var chat = fixture.App.Chat();
        var model = CoachingModels.Grow;
        var walk = SessionWalk.GrowMiddleAndEnding();
        walk[Array.FindIndex(walk, step => step.Item1 is "Yes") + 1] = (followUp, [SessionTexts.FirstQuestion]);
        await Transcript.RunAsync(
            chat,
            [
                (model.Command, [model.AConversation, ConversationFrame.PresentingNeedQuestion]),
                ("Clarity on my next step as a manager", [ConversationFrame.TimeQuestion]),
                ("20 minutes", [ConversationFrame.ContractQuestion]),
                ("Yes please!", [$"**{model.Stages[0].Title}**"]),
                .. walk,
            ]);

        var saved = (await fixture.App.Services.GetRequiredService<ICoachingConversationStore>().ListAsync(chat.UserId)).Single();
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), saved.FollowUpOn);
    }
}
