using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// The goal card: the goal in the client's words and the SMART questions (Whitmore's GROW starts from a goal
/// the client owns; SMART makes it one they can act on and measure).
/// </summary>
public static class GoalCard
{
    public const string GoalId = "goal";
    public const string SpecificId = "specific";
    public const string MeasureId = "measure";
    public const string AchievableId = "achievable";
    public const string RelevantId = "relevant";
    public const string TargetDateId = "targetDate";
    public const string SaveTitle = "Save my goal";

    public const int MaxGoalLength = 500;
    public const int MaxAnswerLength = 300;

    public const string GoalLabel = "Your goal, in your own words";
    public const string SpecificLabel = "Specific: what exactly will be different?";
    public const string MeasureLabel = "Measurable: how will you know you've got there?";
    public const string AchievableLabel = "Achievable: what makes it within your reach?";
    public const string RelevantLabel = "Relevant: why does it matter to you now?";
    public const string TargetDateLabel = "Target date";

    /// <summary>The prompt values for the path the client chose: the short path leaves out the SMART questions.</summary>
    public static IReadOnlyDictionary<string, string>? PathValues(bool isShort) => CardParts.PathValues(isShort);

    /// <summary>The form, empty or filled with what the user typed last time; on the short path, the goal and date only.</summary>
    public static AdaptiveCard Form(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var isShort = CardParts.IsShortPath(view.Values);
        var body = new List<CardElement>
        {
            new TextBlock("Your goal") { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(isShort ? "Put it in your own words, with a date." : "Put it in your own words, then make it SMART. Only the goal and the date are required."),
            new TextInput(GoalId, GoalLabel) { IsRequired = true, IsMultiline = true, MaxLength = MaxGoalLength, Placeholder = "What do you want to achieve?", ErrorMessage = "Please write your goal." },
        };
        if (!isShort)
        {
            body.Add(new TextInput(SpecificId, SpecificLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(MeasureId, MeasureLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(AchievableId, AchievableLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(RelevantId, RelevantLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
        }

        body.Add(new DateInput(TargetDateId, TargetDateLabel) { IsRequired = true, ErrorMessage = "Please choose a target date." });
        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(SaveTitle, new JsonObject { [CardKinds.Field] = CardKinds.Goal })] };
    }

    /// <summary>What was saved, as a card with no inputs, to replace the form so it cannot be sent twice.</summary>
    public static AdaptiveCard Saved(GoalDraft goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var facts = new List<Fact> { new(TargetDateLabel, goal.TargetDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)) };
        AddIfPresent(facts, "Specific", goal.Specific);
        AddIfPresent(facts, "Measurable", goal.Measure);
        AddIfPresent(facts, "Achievable", goal.Achievable);
        AddIfPresent(facts, "Relevant", goal.Relevant);
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Your goal (saved)") { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                new TextBlock(goal.Goal),
                new FactSet { Facts = facts },
            ],
        };
    }

    /// <summary>Reads and checks a submit of the form; <paramref name="today"/> is the user's local date.</summary>
    public static PromptValidation<GoalDraft> Read(JsonElement value, DateOnly today)
    {
        var form = FormReader.From(value);
        var goal = form.Text(GoalId, "Your goal", required: true, maxLength: MaxGoalLength);
        var specific = form.Text(SpecificId, "Specific", maxLength: MaxAnswerLength);
        var measure = form.Text(MeasureId, "Measurable", maxLength: MaxAnswerLength);
        var achievable = form.Text(AchievableId, "Achievable", maxLength: MaxAnswerLength);
        var relevant = form.Text(RelevantId, "Relevant", maxLength: MaxAnswerLength);
        var targetDate = form.Date(TargetDateId, TargetDateLabel, required: true, today: today);
        return PromptValidation.From(form, () => new GoalDraft(goal!, specific, measure, achievable, relevant, targetDate!.Value));
    }

    private static void AddIfPresent(List<Fact> facts, string title, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(title, value));
        }
    }
}
