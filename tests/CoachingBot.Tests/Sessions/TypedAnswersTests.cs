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

    /// <summary>
    /// The follow-up date in the client's own locale: its example written their way, day-first or month-first numbers
    /// read their way, and words with a slip of the keyboard in either.
    /// </summary>
    [Theory]
    [InlineData("en-GB", "Europe/London", "16 March", "tomorow", "2026-03-03")]
    [InlineData("en-GB", "Europe/London", "16 March", "11/3", "2026-03-11")] // day first
    [InlineData("en-GB", "Europe/London", "16 March", "nxt friday", "2026-03-13")]
    [InlineData("en-GB", "Europe/London", "16 March", "12 Decmber", "2026-12-12")]
    [InlineData("en-US", "America/New_York", "March 16", "tomorow", "2026-03-03")]
    [InlineData("en-US", "America/New_York", "March 16", "3/11", "2026-03-11")] // month first
    [InlineData("en-US", "America/New_York", "March 16", "next friday", "2026-03-13")]
    [InlineData("en-US", "America/New_York", "March 16", "Decmber 12", "2026-12-12")]
    [InlineData("en-US", "America/New_York", "March 16", "end of the month", "2026-03-31")]
    public async Task FollowUpDate_IsReadInTheClientsLocale_InWordsAndWithTypos(string locale, string zone, string example, string typed, string expected)
    {
        using var chat = fixture.App.Chat();
        chat.Locale = locale;
        chat.TimeZone = zone;
        var walk = SessionWalk.GrowMiddleAndEnding();
        var date = Array.FindIndex(walk, step => step.Item1 is "Yes") + 1;
        walk[date - 1] = ("Yes", [ConversationFrame.FollowUpQuestion + " " + TextFormat.Format(ModelTexts.FollowUpDateHint, example)]);
        walk[date] = (typed, [SessionTexts.FirstQuestion]);
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. walk.Take(date + 1)]);

        var saved = (await fixture.App.Services.GetRequiredService<ICoachingConversationStore>().ListAsync(chat.UserId)).Single();
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), saved.FollowUpOn);
    }
}
