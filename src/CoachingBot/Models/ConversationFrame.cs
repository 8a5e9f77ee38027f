using System.Globalization;

namespace CoachingBot.Models;

/// <summary>
/// The frame around every model, from the course text: a beginning (the presenting need, a contract), the middle
/// (the model's stages), and an ending (actions decided, the contract checked, follow-up agreed).
/// </summary>
public static class ConversationFrame
{
    /// <summary>Ids of the frame's own steps, beside the models' stage ids: follow-up rules point at them.</summary>
    public const string NeedStep = "frame.need";
    public const string TimeStep = "frame.time";
    public const string ContractStep = "frame.contract";
    public const string ActionsStep = "frame.actions";
    public const string ContractCheckStep = "frame.contractCheck";
    public const string FollowUpStep = "frame.followUp";
    public const string FirstStep = "frame.first";

    public static IReadOnlyList<string> Steps { get; } = [NeedStep, TimeStep, ContractStep, ActionsStep, ContractCheckStep, FollowUpStep, FirstStep];

    public const string PresentingNeedQuestion = "Before we start: what would you like to get from this conversation?";

    public const string TimeQuestion = "How much time do you have for this now?";

    /// <summary>The first choice is the short path (see <see cref="IsShort"/>); the others walk the whole model.</summary>
    public static IReadOnlyList<string> TimeChoices { get; } = ["10 minutes", "20 minutes", "30 minutes or more"];

    /// <summary>
    /// Ten minutes gets the shorter path: no deeper questions unless asked for, the goal card without its SMART
    /// questions, the options chosen from buttons instead of weighed, one action, and no FIRST ratings at the end.
    /// The course text warns that a process model can impose an artificial structure on an informal conversation;
    /// with ten minutes, the structure is kept and the extras go.
    /// </summary>
    public static bool IsShort(string? timeAvailable) => string.Equals(timeAvailable, TimeChoices[0], StringComparison.OrdinalIgnoreCase);

    public const string Contract =
        "Here is how we'll work: one question at a time; answer in your own words, as briefly or as fully as you like. " +
        "Type **more** for a further question on the same theme, **skip** to move on, **help** at any point, or **cancel** to stop " +
        "(what you have answered is kept as a draft). What you write is saved for you; nobody else can see it through this bot yet.";

    public const string ShortContract =
        "With ten minutes, we'll keep to the main question of each stage and short cards.";

    public const string ContractQuestion = "Shall we start?";

    public const string ActionsIntroduction = "To finish, let's decide what you'll do as a result of this conversation.";

    public const string ContractCheckQuestion = "Looking back at what you wanted from this conversation, did we do it?";

    public static IReadOnlyList<string> ContractCheckChoices { get; } = ["Yes", "Partly", "Not really"];

    public const string FollowUpQuestion = "When would you like to look at your progress again?";

    /// <summary>
    /// The follow-up question with an example date two weeks after the user's today (so it is never in the past), written
    /// as their locale writes a day and month ("16 March" in en-GB, "March 16" in en-US), and examples in words.
    /// </summary>
    public static string FollowUpQuestionFor(DateOnly today, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var example = today.AddDays(14).ToString(culture.DateTimeFormat.MonthDayPattern, culture);
        return $"{FollowUpQuestion} Give a date, such as **{example}**, or words like **next Friday** or **in two weeks**. I'll put it on your summary; I can't remind you yet.";
    }
}
