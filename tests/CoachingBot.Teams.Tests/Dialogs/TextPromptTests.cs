using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class TextPromptTests
{
    private const string Ask = "What's your goal?";

    [Theory]
    [InlineData("Run a 10k", "Done: \"Run a 10k\"")]
    [InlineData("  Run   a 10k  ", "Done: \"Run a 10k\"")]
    [InlineData("exactly20characters!", "Done: \"exactly20characters!\"")]
    [InlineData("line one  \r\n\r\n\r\n   line two", "Done: \"line one\\n\\nline two\"")]
    [InlineData("this is twenty-one c", "Done: \"this is twenty-one c\"")]
    public async Task TextPrompt_Accepts_ByAnswer(string answer, string expected)
    {
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), new TextPromptOptions { Prompt = MessageFactory.Text(Ask), MaxLength = 20 });
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(expected, await host.SayAsync(answer));
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "this is twenty-one ch", Said.Format(PromptTexts.TooLong, 21, 20) },
        { "   ", PromptTexts.TypeAnAnswer },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task TextPrompt_ExplainsAndAsksAgain_WhenTheAnswerIsTooLongOrEmpty(string answer, string explanation)
    {
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), new TextPromptOptions { Prompt = MessageFactory.Text(Ask), MaxLength = 20 });
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal($"{explanation} / {Ask}", await host.SayAsync(answer));
    }

    [Fact]
    public async Task TextPrompt_KeepsAskingWithoutTruncating_UntilTheAnswerFits()
    {
        var host = DialogTestHost.ForPrompt(
            () => new TextPrompt("text"),
            new TextPromptOptions { Prompt = MessageFactory.Text(Ask), RetryPrompt = MessageFactory.Text("A shorter goal, please?"), MaxLength = 5 });

        await host.AssertTranscriptAsync(
            ("start", Ask),
            ("Run a marathon", Said.Format(PromptTexts.TooLong, 14, 5) + " / A shorter goal, please?"),
            ("Run 5k", Said.Format(PromptTexts.TooLong, 6, 5) + " / A shorter goal, please?"),
            ("Run", "Done: \"Run\""));
    }

    [Fact]
    public async Task TextPrompt_AppliesTheCustomValidator_AfterRecognizing()
    {
        PromptValidator notNothing = (context, ct) =>
            Task.FromResult(context.Value!.GetValue<string>().Equals("nothing", StringComparison.OrdinalIgnoreCase)
                ? $"Attempt {context.Attempt}: pick something, however small."
                : null);
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text", notNothing), new TextPromptOptions { Prompt = MessageFactory.Text(Ask) });

        await host.AssertTranscriptAsync(
            ("start", Ask),
            ("Nothing", "Attempt 1: pick something, however small. / " + Ask),
            ("nothing", "Attempt 2: pick something, however small. / " + Ask),
            ("Walk daily", "Done: \"Walk daily\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Prompt_SaysAGenericReason_WhenTheValidatorRefusesWithoutOne(string emptyReason)
    {
        var host = DialogTestHost.ForPrompt(
            () => new TextPrompt("text", (context, ct) => Task.FromResult<string?>(emptyReason)),
            new TextPromptOptions { Prompt = MessageFactory.Text(Ask) });
        await host.SayAsync("start");

        Assert.Equal(PromptTexts.NotAccepted + " / " + Ask, await host.SayAsync("anything"));
    }

    [Fact]
    public async Task TextPrompt_SendsNothing_WhenTheOptionsHaveNoPrompt()
    {
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), new TextPromptOptions());

        Assert.Empty(await host.SendAsync("start"));
        Assert.Equal("Done: \"ok\"", await host.SayAsync("ok"));
    }

    [Fact]
    public async Task TextPrompt_Throws_WhenMaxLengthIsNotPositive()
    {
        var host = DialogTestHost.ForPrompt(() => new TextPrompt("text"), new TextPromptOptions { MaxLength = 0 });

        await Assert.ThrowsAsync<ArgumentException>(() => host.SayAsync("start"));
    }
}
