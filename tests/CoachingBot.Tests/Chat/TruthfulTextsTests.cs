using System.Globalization;
using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Deployment;

namespace CoachingBot.Tests.Chat;

/// <summary>
/// What the bot says about itself is what it does today: clients use it alone; there is no coach or sponsor access and
/// no scheduled check-in yet, so nothing may promise them. Change these tests when those features arrive.
/// </summary>
public sealed class TruthfulTextsTests
{
    /// <summary>Wordings that would promise what does not exist yet.</summary>
    private static readonly string[] Promises =
    [
        "and their coach",
        "and your coach",
        "your coach can see",
        "your coach sees",
        "coach only",
        "the review card",
        "review card says",
        "sponsor sees",
        "sponsors see",
        "I'll check in",
        "I will check in",
        "I'll remind",
        "I will remind",
        "I'll message you",
        "Next check-in",
        "a date to check in",
    ];

    public static TheoryData<string> Texts() =>
        ["personal welcome", "group welcome", "help", "manifest short", "manifest full", "history card", "summary card", "follow-up question"];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_PromisesNoCoachSponsorOrCheckIn(string name)
    {
        var text = Text(name);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.All(Promises, promise => Assert.DoesNotContain(promise, text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("personal welcome")]
    [InlineData("help")]
    [InlineData("manifest full")]
    public void Text_SaysThereIsNoCoachOrSponsorAccessYet(string name) =>
        Assert.Contains("no coach or sponsor access yet", Text(name), StringComparison.Ordinal);

    [Fact]
    public void FollowUpQuestion_SaysNoReminderIsSent()
    {
        var question = Text("follow-up question");

        Assert.Contains("summary", question, StringComparison.Ordinal);
        Assert.Contains("can't remind you yet", question, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryCard_SaysOnlyTheClientSeesIt() =>
        Assert.Contains(CardTexts.HistoryNote, Text("history card"), StringComparison.Ordinal);

    private static string Text(string name) => name switch
    {
        "personal welcome" => BotMessages.PersonalWelcome("Ana Client"),
        "group welcome" => BotMessages.GroupWelcome,
        "help" => BotMessages.Help,
        "manifest short" => Manifest("short"),
        "manifest full" => Manifest("full"),
        "history card" => BotJson.Serialize(HistoryCard.Build([])),
        "summary card" => BotJson.Serialize(SummaryCard.Build(CoachingModels.Grow, Completed(), [])),
        "follow-up question" => ConversationFrame.FollowUpQuestionFor(new DateOnly(2026, 3, 2), CultureInfo.GetCultureInfo("en-GB")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such text."),
    };

    private static string Manifest(string length) =>
        RepositoryFiles.ReadJsonObject(RepositoryFiles.ManifestPath)["description"]![length]!.GetValue<string>();

    private static CoachingConversation Completed() => new()
    {
        Id = Guid.NewGuid(),
        OwnerUserId = "29:client",
        ChatId = "a:chat",
        ModelId = CoachingModels.Grow.Id,
        Status = ConversationStatus.Completed,
        StartedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        FollowUpOn = new DateOnly(2026, 3, 16),
    };
}
