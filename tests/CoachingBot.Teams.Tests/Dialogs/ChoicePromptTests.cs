using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private const string Ask = "Which model? [card: buttons: GROW, Skilled Helper, Ali & Graham]";
    // Stands in a row for the refusal, which lists the choices, and the question asked again (see Expected).
    private const string Unknown = "(not one of the options)";

    private static readonly ChoicePromptOptions Models = new()
    {
        Prompt = MessageFactory.Text("Which model?"),
        Choices =
        [
            new PromptChoice("grow", "GROW", ["Whitmore"]),
            new PromptChoice("egan", "Skilled Helper", ["Egan", "skilled helper model"]),
            new PromptChoice("ali-graham", "Ali & Graham"),
        ],
    };

    [Theory]
    [InlineData("GROW", "Done: \"grow\"")] // title, as a click posts it
    [InlineData("grow", "Done: \"grow\"")] // value
    [InlineData("whitmore", "Done: \"grow\"")] // synonym
    [InlineData("Skilled   Helper", "Done: \"egan\"")]
    [InlineData("EGAN", "Done: \"egan\"")]
    [InlineData("skilled helper model.", "Done: \"egan\"")]
    [InlineData("2", "Done: \"egan\"")] // number
    [InlineData(" 3. ", "Done: \"ali-graham\"")]
    [InlineData("Ali & Graham", "Done: \"ali-graham\"")]
    [InlineData("4", Unknown)]
    [InlineData("0", Unknown)]
    [InlineData("-1", Unknown)]
    [InlineData("two", Unknown)]
    [InlineData("gro", Unknown)]
    [InlineData("", Unknown)]
    public async Task ChoicePrompt_FindsTheChoice_ByTitleValueSynonymOrNumber(string answer, string expected)
    {
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), Models);
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(Expected(expected), await host.SayAsync(answer));
    }

    [Theory]
    [InlineData("GROW", "Done: \"grow\"")]
    [InlineData("Skilled Helper", "Done: \"egan\"")]
    [InlineData("Ali & Graham", "Done: \"ali-graham\"")]
    public async Task ChoicePrompt_TakesAButtonClick_AsTheTextItsImBackPostsBack(string button, string expected)
    {
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), Models);
        var card = await host.SendAsync("start");

        Assert.Equal(expected, await host.SayAsync(ImBackValue(card, button)));
    }

    [Theory]
    [InlineData("""{"choice":"egan"}""", "Done: \"egan\"")]
    [InlineData("""{"choice":"Skilled Helper"}""", "Done: \"egan\"")]
    [InlineData("""{"choice":"2"}""", Unknown)] // numbers are for typing, not card data
    [InlineData("""{"choice":"nope"}""", Unknown)]
    [InlineData("""{"other":"egan"}""", Unknown)]
    public async Task ChoicePrompt_ReadsCardSubmitData_FromTheChoiceField(string value, string expected)
    {
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), Models);
        await host.SayAsync("start");

        Assert.Equal(Expected(expected), await host.SubmitAsync(value));
    }

    private static string Expected(string row) =>
        row == Unknown ? Said.Format(PromptTexts.UnknownChoice, "1. GROW, 2. Skilled Helper, 3. Ali & Graham") + " / " + Ask : row;

    [Fact]
    public async Task ChoicePrompt_ReadsAGroupChatAnswer_WithTheBotMentionRemoved()
    {
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), Models);
        await host.SayAsync("start");
        var answer = host.MakeMessage("<at>CoachingBot</at> Skilled Helper");
        answer.Entities = [TurnTextTests.BotMention()];

        Assert.Equal("Done: \"egan\"", Transcript.Render(await host.SendActivityAsync(answer)));
    }

    [Fact]
    public async Task ChoicePrompt_PrefersAnExactTitle_OverTheSameNumber()
    {
        var options = new ChoicePromptOptions { Choices = [new PromptChoice("a", "2"), new PromptChoice("b", "1")] };
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), options);
        await host.SayAsync("start");

        Assert.Equal("Done: \"a\"", await host.SayAsync("2"));
    }

    [Fact]
    public async Task ChoicePrompt_PutsButtonsInRowsOfFive_SoManyChoicesAllShow()
    {
        var options = new ChoicePromptOptions { Choices = [.. Enumerable.Range(1, 7).Select(i => new PromptChoice($"v{i}", $"Option {i}"))] };
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), options);

        var reply = Assert.Single(await host.SendAsync("start"));

        var card = Transcript.CardJson(Assert.Single(reply.Attachments!));
        var rows = card["body"]!.AsArray().Select(row => row!["actions"]!.AsArray().Count).ToArray();
        Assert.Equal([5, 2], rows);
        Assert.Empty(CardChecker.Check(AdaptiveCard.FromJson(card.ToJsonString())));
        Assert.Null(reply.Text);
        Assert.Equal(Attachment.AdaptiveCardContentType, reply.Attachments![0].ContentType);
    }

    [Theory]
    [InlineData("same", "same")] // two values alike
    [InlineData("Same", "SAME")] // case does not tell them apart
    public async Task ChoicePrompt_Throws_WhenAWordBelongsToTwoChoices(string first, string second)
    {
        var options = new ChoicePromptOptions { Choices = [new PromptChoice(first), new PromptChoice("other", Synonyms: [second])] };
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), options);

        await Assert.ThrowsAsync<ArgumentException>(() => host.SayAsync("start"));
    }

    [Fact]
    public async Task ChoicePrompt_Throws_WhenThereAreNoChoices()
    {
        var host = DialogTestHost.ForPrompt(() => new ChoicePrompt("choice"), new ChoicePromptOptions { Prompt = MessageFactory.Text("?") });

        await Assert.ThrowsAsync<ArgumentException>(() => host.SayAsync("start"));
    }

    /// <summary>The text Teams posts when the button titled <paramref name="title"/> is clicked (its imBack value).</summary>
    internal static string ImBackValue(IEnumerable<Activity> replies, string title)
    {
        var card = Transcript.CardJson(replies.SelectMany(reply => reply.Attachments ?? []).Single());
        var action = Descend(card).Single(node => node["type"]?.GetValue<string>() == "Action.Submit" && node["title"]?.GetValue<string>() == title);
        var msteams = action["data"]!["msteams"]!;
        Assert.Equal("imBack", msteams["type"]!.GetValue<string>());
        return msteams["value"]!.GetValue<string>();
    }

    private static IEnumerable<JsonObject> Descend(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(property => Descend(property.Value))),
        JsonArray array => array.SelectMany(Descend),
        _ => [],
    };
}
