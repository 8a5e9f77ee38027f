namespace CoachingBot.Models;

/// <summary>
/// When a coach would ask one more question, as data beside the models. Each rule comes from the course text's
/// frame (the beginning, middle and ending) or from the outcome model it lists (Bedford's FIRST); the wording and
/// the thresholds are ours. A rule names its question, an entry in ModelTexts.resx.
/// </summary>
public static class FollowUps
{
    public const string FirstStepPrefix = "first.";

    /// <summary>Answers that mean "I don't know" or "let's skip this"; met once with the stage's gentler question.</summary>
    public static IReadOnlyList<string> NotSureAnswers { get; } =
    [
        "i don't know", "i dont know", "don't know", "dont know", "dunno", "no idea", "not sure", "i'm not sure", "im not sure",
        "skip", "pass", "no answer", "idk", "?",
    ];

    /// <summary>A free-text answer with fewer words than this is short: on the whole path it earns one deeper question.</summary>
    public const int ShortAnswerWords = 4;

    /// <summary>What the client types to ask for the stage's next, deeper question.</summary>
    public static IReadOnlyList<string> MoreAnswers { get; } = ["more", "more please", "another question", "go deeper"];

    public static IReadOnlyList<FollowUpRule> Rules { get; } =
    [
        // The ending: "the client decides what actions will be taken". An action the client is less than fairly sure
        // of is not yet decided; asking what would raise it to a 7 (Whitmore's commitment scale, asked in GROW's Will
        // stage) makes the client shape the action rather than the coach.
        new("confidence", ConversationFrame.ActionsStep, FollowUpTrigger.LowConfidence,
            nameof(ModelTexts.FollowUpConfidence)) { Below = 7 },

        // The ending: "contract checked". The beginning agreed what the client wanted; if it was only partly met, the
        // middle's "contract revisited if necessary" comes late but still comes: ask what is missing.
        new("contract", ConversationFrame.ContractCheckStep, FollowUpTrigger.ContractCheckAnswer,
            nameof(ModelTexts.FollowUpContract)) { AnswerKeys = [nameof(ModelTexts.ContractCheckPartly), nameof(ModelTexts.ContractCheckNotReally)] },

        // FIRST is an outcome model: "factors to consider as outcomes of an interaction". A factor rated low is an
        // outcome not reached, so the follow-up asks for the smallest step that would reach it. Only the lowest-rated
        // factor is followed up, so the close stays short.
        new("first.focus", FirstStepPrefix + "focus", FollowUpTrigger.LowFirstRating,
            nameof(ModelTexts.FollowUpFirstFocus)) { Below = 3 },

        // Informed: not knowing enough is solved by finding out, so the answer becomes an action to find out.
        new("first.informed", FirstStepPrefix + "informed", FollowUpTrigger.LowFirstRating,
            nameof(ModelTexts.FollowUpFirstInformed))
        { Below = 3, OffersAction = true },

        new("first.realistic", FirstStepPrefix + "realistic", FollowUpTrigger.LowFirstRating,
            nameof(ModelTexts.FollowUpFirstRealistic)) { Below = 3 },

        new("first.scope", FirstStepPrefix + "scope", FollowUpTrigger.LowFirstRating,
            nameof(ModelTexts.FollowUpFirstScope)) { Below = 3 },

        new("first.tactics", FirstStepPrefix + "tactics", FollowUpTrigger.LowFirstRating,
            nameof(ModelTexts.FollowUpFirstTactics)) { Below = 3 },
    ];

    /// <summary>The rule with this id.</summary>
    public static FollowUpRule Get(string id) => Rules.Single(rule => rule.Id == id);

    public static bool IsNotSure(string? answer) =>
        answer is not null && NotSureAnswers.Contains(answer.Trim().TrimEnd('.', '!').ToLowerInvariant().Replace('’', '\''), StringComparer.Ordinal);

    public static bool IsMore(string? answer) =>
        answer is not null && MoreAnswers.Contains(answer.Trim().TrimEnd('.', '!', '?').ToLowerInvariant(), StringComparer.Ordinal);

    public static bool IsShort(string answer) =>
        answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < ShortAnswerWords;
}
