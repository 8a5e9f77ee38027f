using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class ConfirmPromptTests
{
    private const string Ask = "Shall we start?";

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
        var host = DialogTestHost.ForPrompt(() => new ConfirmPrompt("confirm"), new PromptOptions { Prompt = MessageFactory.Text(Ask) });
        await host.SayAsync("start");

        Assert.Equal(expected, await host.SayAsync(answer));
    }
}
