using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachingBot.Load;

internal enum StepKind
{
    Install,
    Text,
    Submit,
}

/// <summary>One thing a user does in a turn: add the bot, type a line, or submit a card's inputs.</summary>
internal sealed record Step(StepKind Kind, Func<string>? Text = null, Func<JsonObject>? Value = null)
{
    /// <summary>
    /// Words one of the step's replies contains when the walk is on track (checked while calibrating, so a walk the
    /// bot no longer follows fails loudly instead of being measured as re-prompts).
    /// </summary>
    public string? Expect { get; init; }

    public Step Expecting(string words) => this with { Expect = words };

    public static Step Install { get; } = new(StepKind.Install);

    public static Step Say(string text) => new(StepKind.Text, () => text);

    /// <summary>A line worked out when it is sent (a date counted from the user's today).</summary>
    public static Step Say(Func<string> text) => new(StepKind.Text, text);

    public static Step Submit(Func<JsonObject> value) => new(StepKind.Submit, Value: value);
}

/// <summary>
/// A walk: steps done once when a conversation starts (<see cref="Prefix"/>), then <see cref="Cycle"/> over and over,
/// starting again at its first step after its last.
/// </summary>
internal sealed record Walk(string Name, IReadOnlyList<Step> Prefix, IReadOnlyList<Step> Cycle)
{
    public int Length => Prefix.Count + Cycle.Count;

    /// <summary>The step a conversation's <paramref name="turn"/>th turn (from 0) takes.</summary>
    public Step At(long turn) => turn < Prefix.Count ? Prefix[(int)turn] : Cycle[(int)((turn - Prefix.Count) % Cycle.Count)];

    /// <summary>True when the turn starts a walk (the prefix, or a cycle): a good moment for the load to move to another conversation.</summary>
    public bool StartsWalk(long turn) => turn == 0 || (turn >= Prefix.Count && Place(turn) == Prefix.Count);

    /// <summary>Where in the walk a turn is, as an index into <c>Prefix ++ Cycle</c>: turns at the same place expect the same replies.</summary>
    public int Place(long turn) => turn < Prefix.Count ? (int)turn : Prefix.Count + (int)((turn - Prefix.Count) % Cycle.Count);
}

/// <summary>The scenarios, for each bot.</summary>
internal static class Walks
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static Walk For(BotKind bot, string scenario) => (bot, scenario) switch
    {
        (BotKind.CoachingBot, "help") => new Walk("help", [], [Step.Say("help").Expecting("grow")]),
        (BotKind.CoachingBot, "grow") => CoachingBotGrow(),
        // The echo bot answers any message; "help" keeps the bytes on the wire alike.
        (BotKind.Peer, "help") => new Walk("help", [], [Step.Say("help")]),
        (BotKind.Peer, "grow") => new Walk("grow", [Step.Install], [Step.Say("grow"), Step.Say(Goal), Step.Say(FirstAction).Expecting("Your goal:")]),
        _ => throw new ArgumentException($"No scenario '{scenario}' (help or grow)."),
    };

    private const string Goal = "Lead my team through the reorganisation with confidence";
    private const string FirstAction = "Email my manager about a mentor";

    /// <summary>
    /// GROW as a person walks it in CoachingBot (the same answers as the tests' SessionWalk): the frame's beginning,
    /// the goal card, reality, options and their weighing, actions, the contract check, a follow-up date and the
    /// FIRST ratings that end at the summary. Dates are counted from the user's today in Europe/London when the
    /// activity is built, as the bot reads them against its own clock.
    /// </summary>
    private static Walk CoachingBotGrow()
    {
        var first = GrowSteps();
        // From the second time on, a conversation opens with a review of the last one: its goal, then each open action
        // (the two the last walk planned), each answered "Done", before the frame's beginning.
        return new Walk(
            "grow",
            [Step.Install, .. first],
            [first[0].Expecting("last time your goal"), Step.Say("Done"), Step.Say("Done").Expecting("Now to today's conversation"), .. first.Skip(1)]);
    }

    private static Step[] GrowSteps() =>
        [
            Step.Say("grow"),
            Step.Say("Clarity on my next step as a manager"),
            Step.Say("20 minutes"),
            Step.Say("yes").Expecting("**Goal**"),
            Step.Submit(() => new JsonObject
            {
                ["card"] = "goal",
                ["goal"] = Goal,
                ["specific"] = "Run the change meetings myself",
                ["measure"] = "Team survey confidence score up by 10 points",
                ["achievable"] = "",
                ["relevant"] = "The reorganisation starts in April",
                ["targetDate"] = Day(120),
            }).Expecting("Your goal:"),
            Step.Say("Morale is low and I avoid the hard conversations"),
            Step.Submit(() => new JsonObject
            {
                ["card"] = "options",
                ["option1"] = "Ask my manager for a mentor",
                ["option2"] = "Shadow a peer who has led a reorganisation",
                ["option3"] = "",
                ["option4"] = "",
                ["option5"] = "",
            }),
            Step.Submit(() => new JsonObject
            {
                ["card"] = "optionsWeighed",
                ["option1"] = "Ask my manager for a mentor",
                ["option2"] = "Shadow a peer who has led a reorganisation",
                ["impact1"] = "4",
                ["ease1"] = "3",
                ["pro1"] = "Experience on tap",
                ["con1"] = "Takes time to find",
                ["chosen1"] = "true",
                ["impact2"] = "3",
                ["ease2"] = "4",
                ["pro2"] = "",
                ["con2"] = "",
                ["chosen2"] = "false",
            }).Expecting("You chose:"),
            Step.Submit(() => new JsonObject
            {
                ["card"] = "actions",
                ["what1"] = FirstAction,
                ["byWhen1"] = Day(4),
                ["support1"] = "",
                ["confidence1"] = "8",
                ["what2"] = "Book an hour with Sam",
                ["byWhen2"] = Day(11),
                ["support2"] = "Sam's diary",
                ["confidence2"] = "6",
                ["what3"] = "",
                ["byWhen3"] = "",
                ["support3"] = "",
                ["confidence3"] = "",
            }).Expecting("You'll do:"),
            Step.Say("If Sam confirms the date this week"),
            Step.Say("Yes").Expecting("look at your progress again"),
            Step.Say(() => Day(18)),
            Step.Submit(() => new JsonObject
            {
                ["card"] = "first",
                ["focus"] = "4",
                ["informed"] = "3",
                ["realistic"] = "4",
                ["scope"] = "3",
                ["tactics"] = "5",
                ["comment"] = "Useful to write it down",
            }).Expecting("summary"),
        ];

    private static string Day(int daysAhead)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).DateTime);
        return today.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
