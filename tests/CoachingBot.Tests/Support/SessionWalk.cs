using CoachingBot.Models;
using CoachingBot.Sessions;

namespace CoachingBot.Tests.Support;

/// <summary>
/// Whole coaching conversations as transcripts, for the tests that walk a model to its end or stop part way.
/// The bot's clock reads Monday 2 March 2026 (<see cref="TestClock"/>); the user is in Europe/London.
/// </summary>
public static class SessionWalk
{
    /// <summary>The test clock's day (<see cref="TestClock.DefaultStart"/>): the dates below are relative to it.</summary>
    public static readonly DateOnly TestDay = DateOnly.FromDateTime(TestClock.DefaultStart.UtcDateTime);

    public static readonly CardSubmit Goal = GoalBy(TestDay);

    public static readonly CardSubmit OptionsList = new(new
    {
        card = "options",
        option1 = "Ask my manager for a mentor",
        option2 = "Shadow a peer who has led a reorganisation",
        option3 = "",
        option4 = "",
        option5 = "",
    });

    public static readonly CardSubmit OptionsWeighed = new(new
    {
        card = "optionsWeighed",
        option1 = "Ask my manager for a mentor",
        option2 = "Shadow a peer who has led a reorganisation",
        impact1 = "4",
        ease1 = "3",
        pro1 = "Experience on tap",
        con1 = "Takes time to find",
        chosen1 = "true",
        impact2 = "3",
        ease2 = "4",
        pro2 = "",
        con2 = "",
        chosen2 = "false",
    });

    public static readonly CardSubmit Actions = ActionsBy(TestDay);

    public static readonly CardSubmit First = new(new
    {
        card = "first",
        focus = "4",
        informed = "3",
        realistic = "4",
        scope = "3",
        tactics = "5",
        comment = "Useful to write it down",
    });

    /// <summary>From the command to the first stage question: the frame's beginning, with the time the client has.</summary>
    public static (object, string[])[] Beginning(CoachingModel model, string time = "20 minutes") =>
    [
        (model.Command, [model.AConversation, ConversationFrame.PresentingNeedQuestion]),
        ("Clarity on my next step as a manager", [ConversationFrame.TimeQuestion]),
        (time, [ConversationFrame.ContractQuestion]),
        ("yes", [$"**{model.Stages[0].Title}**"]),
    ];

    /// <summary>The follow-up the Actions submit earns: "Book an hour with Sam" has a confidence of 6.</summary>
    public static string ConfidenceFollowUp => FollowUp("confidence", "Book an hour with Sam", 6);

    /// <summary>A follow-up rule's question as the bot asks it: with the client's <paramref name="words"/> and <paramref name="rating"/>.</summary>
    public static string FollowUp(string ruleId, string words, int rating = 0) => TextFormat.Format(FollowUps.Get(ruleId).Question, words, rating);

    /// <summary>GROW from its goal stage to the summary, on the test clock's day, each stage reflected back before the next question.</summary>
    public static (object, string[])[] GrowMiddleAndEnding() => GrowMiddleAndEnding(TestDay);

    /// <summary>
    /// GROW from its goal stage to the summary for a bot whose clock reads <paramref name="today"/> (a bot process
    /// runs on the real clock): every date given is that many days ahead of it.
    /// </summary>
    public static (object, string[])[] GrowMiddleAndEnding(DateOnly today) =>
    [
        (GoalBy(today), [CardTexts.GoalSavedHeading, "Your goal: “Lead my team through the reorganisation with confidence”, by " + Written(today.AddDays(120), "d MMMM yyyy") + "."]),
        ("Morale is low and I avoid the hard conversations", [Reflections.SaidLead + " “Morale is low and I avoid the hard conversations”"]),
        (OptionsList, [CardTexts.OptionsSavedHeading, SessionTexts.WeighQuestion]),
        (OptionsWeighed, [CardTexts.OptionsSavedHeading, "You chose: “Ask my manager for a mentor”."]),
        (ActionsBy(today), [CardTexts.ActionsSavedHeading, ConfidenceFollowUp]),
        ("If Sam confirms the date this week", [ConversationFrame.ContractCheckQuestion]),
        ("Yes", [ConversationFrame.FollowUpQuestion + " " + TextFormat.Format(ModelTexts.FollowUpDateHint, Written(today.AddDays(14), "d MMMM"))]),
        (Day(today, 18), [SessionTexts.FirstQuestion]),
        (First, [CardTexts.FirstSavedHeading, SessionTexts.Closing, "Your GROW conversation"]),
    ];

    public static CardSubmit GoalBy(DateOnly today) => new(new
    {
        card = "goal",
        goal = "Lead my team through the reorganisation with confidence",
        specific = "Run the change meetings myself",
        measure = "Team survey confidence score up by 10 points",
        achievable = "",
        relevant = "The reorganisation starts in April",
        targetDate = Day(today, 120),
    });

    public static CardSubmit ActionsBy(DateOnly today) => new(new
    {
        card = "actions",
        what1 = "Email my manager about a mentor",
        byWhen1 = Day(today, 4),
        support1 = "",
        confidence1 = "8",
        what2 = "Book an hour with Sam",
        byWhen2 = Day(today, 11),
        support2 = "Sam's diary",
        confidence2 = "6",
        what3 = "",
        byWhen3 = "",
        support3 = "",
        confidence3 = "",
    });

    private static string Written(DateOnly day, string format) =>
        day.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static string Day(DateOnly today, int daysAhead) =>
        today.AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
