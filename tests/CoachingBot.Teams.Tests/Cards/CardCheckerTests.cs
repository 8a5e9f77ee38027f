using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Teams.Tests.Cards;

public sealed class CardCheckerTests
{
    private static readonly Dictionary<string, Func<AdaptiveCard>> BadCards = new()
    {
        ["version above 1.5"] = () => new AdaptiveCard { Version = "1.6", Body = [new TextBlock("Hi")] },
        ["version 2.0"] = () => new AdaptiveCard { Version = "2.0", Body = [new TextBlock("Hi")] },
        ["version not a number"] = () => new AdaptiveCard { Version = "latest", Body = [new TextBlock("Hi")] },
        ["version with three parts"] = () => new AdaptiveCard { Version = "1.5.0", Body = [new TextBlock("Hi")] },
        ["duplicate input ids"] = () => new AdaptiveCard { Body = [new TextInput("goal", "Goal"), new TextInput("goal", "Goal again")] },
        ["duplicate ids across a show-card"] = () => new AdaptiveCard
        {
            Body = [new TextInput("goal", "Goal")],
            Actions = [new ShowCardAction { Title = "More", Card = new AdaptiveCard { Body = [new NumberInput("goal", "Goal")] } }],
        },
        ["input without id"] = () => new AdaptiveCard { Body = [new TextInput { Label = "Goal" }] },
        ["required input without error message"] = () => new AdaptiveCard { Body = [new Container { Items = [new DateInput("by", "By") { IsRequired = true }] }] },
        ["input with blank id, nested"] = () => new AdaptiveCard { Body = [new Container { Items = [new DateInput(" ", "By")] }] },
        ["execute in a 1.3 card"] = () => new AdaptiveCard { Version = "1.3", Body = [new TextBlock("Hi")], Actions = [new ExecuteAction("Go", "go")] },
        ["execute refresh in a 1.3 card"] = () => new AdaptiveCard
        {
            Version = "1.3", Body = [new TextBlock("Hi")], Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "refresh" } },
        },
        ["execute without verb"] = () => new AdaptiveCard { Body = [new TextBlock("Hi")], Actions = [new ExecuteAction { Title = "Go" }] },
        ["empty text block"] = () => new AdaptiveCard { Body = [new TextBlock("")] },
        ["whitespace text block in a column"] = () => new AdaptiveCard
        {
            Body = [new ColumnSet { Columns = [new Column { Items = [new TextBlock("Hi")] }, new Column { Items = [new TextBlock(" \n ")] }] }],
        },
        ["choice set without choices"] = () => new AdaptiveCard { Body = [new ChoiceSetInput("pick", "Pick")] },
        ["duplicate choice values"] = () => new AdaptiveCard
        {
            Body = [new ChoiceSetInput("pick", "Pick") { Choices = [new Choice("A", "a"), new Choice("Also A", "a")] }],
        },
        ["comma in a multi-select value"] = () => new AdaptiveCard
        {
            Body = [new ChoiceSetInput("pick", "Pick") { IsMultiSelect = true, Choices = [new Choice("A", "a"), new Choice("B or C", "b,c")] }],
        },
        ["toggle without title"] = () => new AdaptiveCard { Body = [new ToggleInput { Id = "share" }] },
        ["number min above max"] = () => new AdaptiveCard { Body = [new NumberInput("n", "N") { Min = 10, Max = 1 }] },
        ["data field named like an input"] = () => new AdaptiveCard
        {
            Body = [new TextInput("goal", "Goal")],
            Actions = [new SubmitAction("Save", new JsonObject { ["goal"] = "x" })],
        },
        ["show-card as a select action"] = () => new AdaptiveCard
        {
            Body = [new Container { Items = [new TextBlock("Hi")], SelectAction = new ShowCardAction { Card = new AdaptiveCard() } }],
        },
        ["button without title"] = () => new AdaptiveCard { Body = [new TextBlock("Hi")], Actions = [new SubmitAction()] },
        ["refresh for 61 users"] = () => new AdaptiveCard
        {
            Body = [new TextBlock("Hi")],
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "r" }, UserIds = [.. Enumerable.Range(0, 61).Select(i => $"29:{i}")] },
        },
        ["card over the size limit"] = () => CardOfSize(CardChecker.MaxCardSizeUtf16Bytes + 2),
        ["rich text without text"] = () => new AdaptiveCard { Body = [new RichTextBlock { Inlines = [new TextRun(" ")] }] },
        ["fact set without facts"] = () => new AdaptiveCard { Body = [new FactSet()] },
        ["image without url"] = () => new AdaptiveCard { Body = [new Image { AltText = "Logo" }] },
        ["open-url without url"] = () => new AdaptiveCard { Body = [new TextBlock("Hi")], Actions = [new OpenUrlAction { Title = "Open" }] },
        ["show-card without card"] = () => new AdaptiveCard { Body = [new TextBlock("Hi")], Actions = [new ShowCardAction { Title = "More" }] },
        ["refresh without action"] = () => new AdaptiveCard { Body = [new TextBlock("Hi")], Refresh = new CardRefresh { UserIds = ["29:a"] } },
    };

    [Theory]
    [InlineData("version above 1.5", "version", "above 1.5")]
    [InlineData("version 2.0", "version", "above 1.5")]
    [InlineData("version not a number", "version", "not a schema version")]
    [InlineData("version with three parts", "version", "not a schema version")]
    [InlineData("duplicate input ids", "body[1]", "\"goal\" is also used at body[0]")]
    [InlineData("duplicate ids across a show-card", "actions[0].card.body[0]", "also used at body[0]")]
    [InlineData("input without id", "body[0]", "no id")]
    [InlineData("required input without error message", "body[0].items[0]", "\"by\" has no errorMessage")]
    [InlineData("input with blank id, nested", "body[0].items[0]", "no id")]
    [InlineData("execute in a 1.3 card", "actions[0]", "needs card version 1.4")]
    [InlineData("execute refresh in a 1.3 card", "refresh.action", "needs card version 1.4")]
    [InlineData("execute without verb", "actions[0]", "no verb")]
    [InlineData("empty text block", "body[0]", "TextBlock has no text")]
    [InlineData("whitespace text block in a column", "body[0].columns[1].items[0]", "TextBlock has no text")]
    [InlineData("choice set without choices", "body[0]", "no choices")]
    [InlineData("duplicate choice values", "body[0].choices[1]", "appears twice")]
    [InlineData("comma in a multi-select value", "body[0].choices[1]", "has a comma")]
    [InlineData("toggle without title", "body[0]", "Toggle has no title")]
    [InlineData("number min above max", "body[0]", "min is after its max")]
    [InlineData("data field named like an input", "actions[0].data", "same name as an input")]
    [InlineData("show-card as a select action", "body[0].selectAction", "only works as a button")]
    [InlineData("button without title", "actions[0]", "no title")]
    [InlineData("refresh for 61 users", "refresh.userIds", "at most 60")]
    [InlineData("card over the size limit", "card", "over the 28,672 allowed")]
    [InlineData("rich text without text", "body[0]", "RichTextBlock has no text")]
    [InlineData("fact set without facts", "body[0]", "no facts")]
    [InlineData("image without url", "body[0]", "Image has no url")]
    [InlineData("open-url without url", "actions[0]", "OpenUrl has no url")]
    [InlineData("show-card without card", "actions[0]", "has no card")]
    [InlineData("refresh without action", "refresh", "needs an Action.Execute")]
    public void Check_ReportsOneProblemAtItsPlace_WhenCardBreaksARule(string rule, string path, string message)
    {
        var problems = CardChecker.Check(BadCards[rule]());

        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CoversEveryBadCard_InTheTable()
    {
        var tested = typeof(CardCheckerTests).GetMethod(nameof(Check_ReportsOneProblemAtItsPlace_WhenCardBreaksARule))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(row => (string)row.GetData(null!).Single()[0])
            .ToHashSet();

        Assert.Equal(BadCards.Keys.Order(), tested.Order());
    }

    public static TheoryData<string> GoodCardNames => ["execute in a 1.4 card", "version 1.0", "card at the size limit", "unique ids in several places"];

    private static readonly Dictionary<string, Func<AdaptiveCard>> GoodCards = new()
    {
        ["execute in a 1.4 card"] = () => new AdaptiveCard
        {
            Version = "1.4", Body = [new TextBlock("Hi")], Actions = [new ExecuteAction("Go", "go")],
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "r" }, UserIds = [.. Enumerable.Range(0, 60).Select(i => $"29:{i}")] },
        },
        ["version 1.0"] = () => new AdaptiveCard { Version = "1.0", Body = [new TextBlock("Hi")], Actions = [SubmitAction.ImBack("Yes", "yes")] },
        ["card at the size limit"] = () => CardOfSize(CardChecker.MaxCardSizeUtf16Bytes),
        ["unique ids in several places"] = () => new AdaptiveCard
        {
            Body =
            [
                new TextInput("a", "A") { IsRequired = true, ErrorMessage = "Please fill in A." },
                new Container { Items = [new ToggleInput("b", "B")] },
                new ColumnSet { Columns = [new Column { Items = [new ChoiceSetInput("c", "C") { IsMultiSelect = true, Choices = [new Choice("X", "x")] }] }] },
            ],
            Actions = [new ShowCardAction { Title = "More", Card = new AdaptiveCard { Body = [new DateInput("d", "D")] } }],
        },
    };

    [Theory]
    [MemberData(nameof(GoodCardNames))]
    public void Check_ReportsNothing_WhenCardIsFine(string name)
    {
        Assert.Empty(CardChecker.Check(GoodCards[name]()));
    }

    [Fact]
    public void EnsureValid_ThrowsWithEveryProblem_WhenCardHasSeveral()
    {
        var card = new AdaptiveCard { Version = "1.6", Body = [new TextBlock(""), new ChoiceSetInput("x", "X")] };

        var error = Assert.Throws<InvalidOperationException>(() => CardChecker.EnsureValid(card));

        Assert.Contains("version:", error.Message, StringComparison.Ordinal);
        Assert.Contains("body[0]:", error.Message, StringComparison.Ordinal);
        Assert.Contains("body[1]:", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A card whose JSON is exactly <paramref name="utf16Bytes"/> long as UTF-16 (an even number).</summary>
    private static AdaptiveCard CardOfSize(int utf16Bytes)
    {
        var text = new TextBlock("x");
        var card = new AdaptiveCard { Body = [text] };
        var padding = (utf16Bytes / 2) - card.ToJson().Length;
        text.Text = new string('x', padding + 1);
        Assert.Equal(utf16Bytes, card.ToJson().Length * 2);
        return card;
    }
}
