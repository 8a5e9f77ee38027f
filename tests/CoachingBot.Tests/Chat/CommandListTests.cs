using CoachingBot.Chat;
using CoachingBot.Tests.Deployment;

namespace CoachingBot.Tests.Chat;

/// <summary>The commands the bot parses, the ones <c>help</c> lists and the ones the Teams manifest offers are the same set.</summary>
public sealed class CommandListTests
{
    private static readonly Command[] Typed = [.. Enum.GetValues<Command>().Where(command => command != Command.None)];

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public void ManifestCommandList_OffersEveryCommand_AndOnlyThose(string scope)
    {
        var manifest = RepositoryFiles.ReadJsonObject(RepositoryFiles.ManifestPath);
        var list = manifest["bots"]![0]!["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope));
        var titles = list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();

        Assert.All(titles, title => Assert.NotEqual(Command.None, Commands.Parse(title)));
        Assert.Equal(Typed.Order(), titles.Select(Commands.Parse).Order());
    }

    [Theory]
    [InlineData("history", Command.History)]
    [InlineData("/history", Command.History)]
    [InlineData("History.", Command.History)]
    [InlineData("my history", Command.None)]
    public void Parse_ReadsTheHistoryCommand_OnlyAsAWholeMessage(string text, Command expected) =>
        Assert.Equal(expected, Commands.Parse(text));

    [Fact]
    public void Help_NamesEveryCommand()
    {
        var manifest = RepositoryFiles.ReadJsonObject(RepositoryFiles.ManifestPath);
        var titles = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());

        Assert.All(titles, title => Assert.Contains($"**{title}**", BotMessages.Help, StringComparison.Ordinal));
    }
}
