using CoachingBot.Sessions;

namespace CoachingBot.Tests.Storage;

/// <summary>Coaching conversations and actions for the store tests: one filled in everywhere, one bare.</summary>
internal static class CoachingSamples
{
    public const string Owner = "29:user-1";
    public const string PersonalChatId = "a:personal-1";

    private static readonly Dictionary<string, string> NoAnswers = [];
    private static readonly Dictionary<string, int> NoRatings = [];
    private static readonly OptionItem[] NoOptions = [];

    /// <summary>Unicode outside the BMP, combining marks, right-to-left text, CRLF, LF, tab and U+2028, quotes, backslashes, markup.</summary>
    public const string AwkwardText = "Line one\r\nline two\n\ttabbed \u2014 caf\u00e9 cafe\u0301 \u65e5\u672c\u8a9e \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00\u2028\"quoted\" \\ back\\slash </script> {\"not\": \"json\"}";

    /// <summary>Every field set, timestamps in a non-UTC offset.</summary>
    public static CoachingConversation Full(Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        OwnerUserId = Owner,
        OwnerName = "Zo\u00eb O'Brien",
        ChatId = PersonalChatId,
        ModelId = "grow",
        Status = ConversationStatus.Completed,
        StartedAt = new DateTimeOffset(2026, 11, 22, 9, 15, 0, TimeSpan.FromHours(1)).AddTicks(1),
        UpdatedAt = new DateTimeOffset(2026, 11, 22, 10, 5, 30, TimeSpan.FromHours(1)).AddTicks(9_999_999),
        CompletedAt = new DateTimeOffset(2026, 11, 22, 10, 5, 31, TimeSpan.FromHours(-5)),
        PresentingNeed = "A plan for\nthe promotion conversation",
        TimeAvailable = "30 minutes or more",
        Answers = new Dictionary<string, string>
        {
            ["reality"] = AwkwardText,
            // Stage ids are kept exactly: a camelCase policy on keys would turn this into "willStage".
            ["WillStage"] = "Ask for feedback",
            ["empty"] = "",
        },
        Goal = new GoalDraft("Lead the Q3 launch \u2714", "Own the plan", "Shipped by the date", null, "It is my next step", new DateOnly(2027, 2, 28)),
        Options =
        [
            new OptionItem("Talk to my manager", Impact: 5, Ease: 3, Pro: "Direct", Con: "Nervous", Chosen: true),
            new OptionItem("Wait"),
            new OptionItem("Find a mentor", Impact: 4, Ease: null, Pro: null, Con: "Takes time"),
        ],
        ContractCheck = "Partly",
        FollowUpOn = new DateOnly(2026, 12, 1),
        FirstRatings = new Dictionary<string, int> { ["focus"] = 5, ["informed"] = 1, ["Scope"] = 3 },
        FirstComment = "Useful,\nthanks",
    };

    /// <summary>Only what is required; everything else at its default.</summary>
    public static CoachingConversation Bare(Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        OwnerUserId = Owner,
        ChatId = PersonalChatId,
        ModelId = "egan",
        Status = ConversationStatus.Active,
        StartedAt = StorageTestHost.Start,
        UpdatedAt = StorageTestHost.Start,
    };

    public static ActionItem Action(Guid conversationId, string what = "Book the meeting", string owner = Owner) => new()
    {
        Id = Guid.NewGuid(),
        ConversationId = conversationId,
        OwnerUserId = owner,
        What = what,
        ByWhen = new DateOnly(2026, 12, 4),
        Support = "My manager's calendar",
        Confidence = 8,
        Status = ActionStatus.Open,
        CreatedAt = StorageTestHost.Start,
        UpdatedAt = StorageTestHost.Start,
    };

    /// <summary>
    /// Records compare dictionaries and lists by reference; this compares their contents, then every other field
    /// through the record's own equality (DateTimeOffset equality is by instant).
    /// </summary>
    public static void AssertSameConversation(CoachingConversation expected, CoachingConversation? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Answers.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Answers.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Options, actual.Options);
        Assert.Equal(expected.FirstRatings.OrderBy(r => r.Key, StringComparer.Ordinal), actual.FirstRatings.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(WithoutCollections(expected), WithoutCollections(actual));
    }

    private static CoachingConversation WithoutCollections(CoachingConversation conversation) =>
        conversation with { Answers = NoAnswers, Options = NoOptions, FirstRatings = NoRatings };
}
