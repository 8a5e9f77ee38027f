namespace CoachingBot.Models;

/// <summary>
/// The frame around every model, from the course text: a beginning (the presenting need, a contract), the middle
/// (the model's stages), and an ending (actions decided, the contract checked, follow-up agreed).
/// </summary>
public static class ConversationFrame
{
    public const string PresentingNeedQuestion = "Before we start: what would you like to get from this conversation?";

    public const string TimeQuestion = "How much time do you have for this now?";

    public static IReadOnlyList<string> TimeChoices { get; } = ["10 minutes", "20 minutes", "30 minutes or more"];

    public const string Contract =
        "Here is how we'll work: I'll ask one question at a time; take the time you need and answer in your own words. " +
        "What you write is kept for you and your coach only. You can type **help** at any point, or **cancel** to stop; " +
        "what you have answered is kept as a draft.";

    public const string ContractQuestion = "Shall we start?";

    public const string ActionsIntroduction = "To finish, let's decide what you'll do as a result of this conversation.";

    public const string ContractCheckQuestion = "Looking back at what you wanted from this conversation, did we do it?";

    public static IReadOnlyList<string> ContractCheckChoices { get; } = ["Yes", "Partly", "Not really"];

    public const string FollowUpQuestion = "When shall we check in on your progress?";

    /// <summary>
    /// The follow-up question with an example date two weeks after the user's today (so it is never in the past), written
    /// as their locale writes a day and month ("16 March" in en-GB, "March 16" in en-US), and examples in words.
    /// </summary>
    public static string FollowUpQuestionFor(DateOnly today, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var example = today.AddDays(14).ToString(culture.DateTimeFormat.MonthDayPattern, culture);
        return $"{FollowUpQuestion} Give a date, such as **{example}**, or words like **next Friday** or **in two weeks**.";
    }
}
