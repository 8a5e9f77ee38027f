using System.Globalization;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class NumberPromptTests
{
    private const string Ask = "Rate it";

    [Theory]
    // Whole numbers from 1 to 10.
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "7", "Done: 7")]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, " 10 ", "Done: 10")]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "1", "Done: 1")]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "7.0", "Done: 7")]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "0", "Please enter a number from 1 to 10. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "11", "Please enter a number from 1 to 10. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "-3", "Please enter a number from 1 to 10. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "7.5", "Please enter a whole number, such as 3. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "seven", "Please enter a whole number, such as 3. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, 10.0, "1e1", "Please enter a whole number, such as 3. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, null, null, "99999999999999999999", "Please enter a whole number, such as 3. / " + Ask)]
    // One bound only.
    [InlineData("en-GB", NumberKind.WholeNumber, 1.0, null, "0", "Please enter a number of 1 or more. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, null, 5.0, "6", "Please enter a number of 5 or less. / " + Ask)]
    [InlineData("en-GB", NumberKind.WholeNumber, null, null, "-40", "Done: -40")]
    // Decimals: separators of the user's locale, then invariant; thousands only in threes.
    [InlineData("en-GB", NumberKind.AnyNumber, 0.0, 2000.0, "2.5", "Done: 2.5")]
    [InlineData("en-GB", NumberKind.AnyNumber, 0.0, 2000.0, "1,500", "Done: 1500")]
    [InlineData("en-GB", NumberKind.AnyNumber, 0.0, 2000.0, "1,5", "Please enter a number, such as 2.5. / " + Ask)]
    [InlineData("de-DE", NumberKind.AnyNumber, 0.0, 2000.0, "2,5", "Done: 2.5")]
    [InlineData("de-DE", NumberKind.AnyNumber, 0.0, 2000.0, "1.5", "Done: 1.5")] // not 15: "1.5" is no thousands grouping
    [InlineData("de-DE", NumberKind.AnyNumber, 0.0, 2000.0, "1.500", "Done: 1500")]
    [InlineData("de-DE", NumberKind.AnyNumber, 0.0, 2000.0, "1.500,25", "Done: 1500.25")]
    [InlineData("de-DE", NumberKind.AnyNumber, 0.0, 2000.0, "zwei", "Please enter a number, such as 2,5. / " + Ask)]
    [InlineData("de-DE", NumberKind.AnyNumber, 0.5, 2.5, "3", "Please enter a number from 0,5 to 2,5. / " + Ask)]
    [InlineData("fr-FR", NumberKind.AnyNumber, 0.0, 2000.0, "1 500,5", "Done: 1500.5")] // typed with a plain space; fr groups with U+202F
    [InlineData("not-a-locale", NumberKind.AnyNumber, 0.0, 2000.0, "2.5", "Done: 2.5")]
    [InlineData(null, NumberKind.AnyNumber, 0.0, 2000.0, "2.5", "Done: 2.5")]
    [InlineData(null, NumberKind.AnyNumber, 0.0, 2000.0, "2,5", "Please enter a number, such as 2.5. / " + Ask)]
    public async Task NumberPrompt_AcceptsOrExplains_ByLocaleAndRange(string? locale, NumberKind kind, double? min, double? max, string answer, string expected)
    {
        var options = new NumberPromptOptions { Prompt = MessageFactory.Text(Ask), Min = (decimal?)min, Max = (decimal?)max };
        var host = DialogTestHost.ForPrompt(() => new NumberPrompt("number", kind), options);
        host.Locale = locale;
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(expected, await host.SayAsync(answer));
    }

    [Fact]
    public async Task NumberPrompt_ReadsTheGroupChatAnswer_WithTheBotMentionRemoved()
    {
        var host = DialogTestHost.ForPrompt(() => new NumberPrompt("number"), new NumberPromptOptions { Prompt = MessageFactory.Text(Ask) });
        await host.SayAsync("start");
        var answer = host.MakeMessage("<at>CoachingBot</at> 8");
        answer.Entities = [TurnTextTests.BotMention()];

        Assert.Equal("Done: 8", Transcript.Render(await host.SendActivityAsync(answer)));
    }

    [Fact]
    public async Task NumberPrompt_Throws_WhenMinIsAboveMax()
    {
        var host = DialogTestHost.ForPrompt(() => new NumberPrompt("number"), new NumberPromptOptions { Min = 5, Max = 1 });

        await Assert.ThrowsAsync<ArgumentException>(() => host.SayAsync("start"));
    }

    [Theory]
    [InlineData("en-US", "1,234,567.5", 1234567.5)]
    [InlineData("en-US", "-12", -12.0)]
    [InlineData("de-DE", "-1,25", -1.25)]
    [InlineData("sv-SE", "-1,5", -1.5)] // sv-SE's minus sign is U+2212; a typed hyphen is taken
    [InlineData("de-CH", "1’500", 1500.0)]
    public void TryParse_ReadsNumbers_InTheUsersCulture(string locale, string text, double expected)
    {
        Assert.True(NumberPrompt.TryParse(text, CultureInfo.GetCultureInfo(locale), out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("en-US", "1,23")]
    [InlineData("en-US", "12,3456")]
    [InlineData("en-US", "1.2.3")]
    [InlineData("en-US", "")]
    [InlineData("en-US", "£5")]
    public void TryParse_Refuses_WhenTheTextIsNoNumber(string locale, string text)
    {
        Assert.False(NumberPrompt.TryParse(text, CultureInfo.GetCultureInfo(locale), out _));
    }
}
