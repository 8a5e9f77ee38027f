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

    public static string PresentingNeedQuestion => ModelTexts.PresentingNeedQuestion;

    public static string TimeQuestion => ModelTexts.TimeQuestion;

    /// <summary>
    /// The first choice is the short path (see <see cref="IsShort"/>); the others walk the whole model. The choice is
    /// kept with the conversation as worded, so a translated wording is a new value to the conversations before it.
    /// </summary>
    public static IReadOnlyList<string> TimeChoices => [ModelTexts.TimeShort, ModelTexts.TimeMedium, ModelTexts.TimeLong];

    /// <summary>
    /// Ten minutes gets the shorter path: no deeper questions unless asked for, the goal card without its SMART
    /// questions, the options chosen from buttons instead of weighed, one action, and no FIRST ratings at the end.
    /// The course text warns that a process model can impose an artificial structure on an informal conversation;
    /// with ten minutes, the structure is kept and the extras go.
    /// </summary>
    public static bool IsShort(string? timeAvailable) => string.Equals(timeAvailable, ModelTexts.TimeShort, StringComparison.OrdinalIgnoreCase);

    public static string Contract => ModelTexts.Contract;

    public static string ShortContract => ModelTexts.ShortContract;

    public static string ContractQuestion => ModelTexts.ContractQuestion;

    public static string ActionsIntroduction => ModelTexts.ActionsIntroduction;

    public static string ContractCheckQuestion => ModelTexts.ContractCheckQuestion;

    /// <summary>The contract check's question with what the client said they wanted, when they said it.</summary>
    public static string ContractCheckQuestionFor(string? presentingNeed) =>
        presentingNeed is null
            ? ContractCheckQuestion
            : ContractCheckQuestion + "\n\n" + TextFormat.Format(ModelTexts.ContractCheckReminder, presentingNeed);

    /// <summary>Kept with the conversation as worded, and matched by the follow-up rule on the contract check.</summary>
    public static IReadOnlyList<string> ContractCheckChoices => [ModelTexts.ContractCheckYes, ModelTexts.ContractCheckPartly, ModelTexts.ContractCheckNotReally];

    public static string FollowUpQuestion => ModelTexts.FollowUpQuestion;

    /// <summary>
    /// The follow-up question with an example date two weeks after the user's today (so it is never in the past), written
    /// as their locale writes a day and month ("16 March" in en-GB, "March 16" in en-US), and examples in words.
    /// </summary>
    public static string FollowUpQuestionFor(DateOnly today, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var example = today.AddDays(14).ToString(culture.DateTimeFormat.MonthDayPattern, culture);
        return FollowUpQuestion + " " + TextFormat.Format(ModelTexts.FollowUpDateHint, example);
    }
}
