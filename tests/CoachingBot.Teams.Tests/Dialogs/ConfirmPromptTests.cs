using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class ConfirmPromptTests
{
    private const string Ask = "Shall we start? [card: buttons: Yes, No]";

    [Theory]
    [InlineData("yes", "Done: true")]
    [InlineData("Y", "Done: true")]
    [InlineData("yeah", "Done: true")]
    [InlineData("SURE", "Done: true")]
    [InlineData("ok", "Done: true")]
    [InlineData("Ok.", "Done: true")]
    [InlineData("  yes! ", "Done: true")]
    [InlineData("no", "Done: false")]
    [InlineData("N", "Done: false")]
    [InlineData("Nope", "Done: false")]
    [InlineData("no.", "Done: false")]
    [InlineData("yes please", "Done: true")]
    [InlineData("Yes, please!", "Done: true")]
    [InlineData("yep", "Done: true")]
    [InlineData("yup", "Done: true")]
    [InlineData("yesss", "Done: true")]
    [InlineData("okay", "Done: true")]
    [InlineData("ok thanks", "Done: true")]
    [InlineData("sure thing", "Done: true")]
    [InlineData("sure, why not", "Done: true")]
    [InlineData("of course", "Done: true")]
    [InlineData("absolutely", "Done: true")]
    [InlineData("go ahead", "Done: true")]
    [InlineData("let’s go", "Done: true")] // a curly apostrophe, as phones type it
    [InlineData("yes, let's start", "Done: true")]
    [InlineData("no problem", "Done: true")]
    [InlineData("no thanks", "Done: false")]
    [InlineData("No, thank you.", "Done: false")]
    [InlineData("nope", "Done: false")]
    [InlineData("nah", "Done: false")]
    [InlineData("noooo", "Done: false")]
    [InlineData("not really", "Done: false")]
    [InlineData("not now", "Done: false")]
    [InlineData("not yet, sorry", "Done: false")]
    [InlineData("I don't think so", "Done: false")]
    [InlineData("no, not today", "Done: false")]
    public async Task ConfirmPrompt_AcceptsYesAndNoVariants_ByAnswer(string answer, string expected)
    {
        var host = Host();
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(expected, await host.SayAsync(answer));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes and no")]
    [InlineData("yes but not now")]
    [InlineData("ok, maybe later")]
    [InlineData("yesno")]
    [InlineData("nobody knows")]
    [InlineData("")]
    public async Task ConfirmPrompt_AsksForYesOrNo_WhenTheAnswerIsNeither(string answer)
    {
        var host = Host();
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal($"{PromptTexts.YesOrNo} / {Ask}", await host.SayAsync(answer));
    }

    [Theory]
    [InlineData("Yes", "Done: true")]
    [InlineData("No", "Done: false")]
    public async Task ConfirmPrompt_TakesAButtonClick_AsTheTextTheButtonPostsBack(string button, string expected)
    {
        var host = Host();
        var card = await host.SendAsync("start");

        Assert.Equal(expected, await host.SayAsync(ChoicePromptTests.ImBackValue(card, button)));
    }

    private static DialogTestHost Host() =>
        DialogTestHost.ForPrompt(() => new ConfirmPrompt("confirm"), new PromptOptions { Prompt = MessageFactory.Text("Shall we start?") });
}
