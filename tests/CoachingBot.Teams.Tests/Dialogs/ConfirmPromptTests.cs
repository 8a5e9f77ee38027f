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
    [InlineData("maybe", "Please answer yes or no. / " + Ask)]
    [InlineData("yes please", "Please answer yes or no. / " + Ask)]
    [InlineData("yesno", "Please answer yes or no. / " + Ask)]
    [InlineData("", "Please answer yes or no. / " + Ask)]
    public async Task ConfirmPrompt_AcceptsYesAndNoVariants_AndRefusesTheRest(string answer, string expected)
    {
        var host = Host();
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(expected, await host.SayAsync(answer));
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
