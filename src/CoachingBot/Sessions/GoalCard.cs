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
    public static string SaveTitle => CardTexts.GoalSaveTitle;

    public const int MaxGoalLength = 500;
    public const int MaxAnswerLength = 300;

    public static string GoalLabel => CardTexts.GoalLabel;
    public static string SpecificLabel => CardTexts.SpecificLabel;
    public static string MeasureLabel => CardTexts.MeasureLabel;
    public static string AchievableLabel => CardTexts.AchievableLabel;
    public static string RelevantLabel => CardTexts.RelevantLabel;
    public static string TargetDateLabel => CardTexts.TargetDateLabel;

    /// <summary>The prompt values for the path the client chose: the short path leaves out the SMART questions.</summary>
    public static IReadOnlyDictionary<string, string>? PathValues(bool isShort) => CardParts.PathValues(isShort);

    /// <summary>The form, empty or filled with what the user typed last time; on the short path, the goal and date only.</summary>
    public static AdaptiveCard Form(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var isShort = CardParts.IsShortPath(view.Values);
        var body = new List<CardElement>
        {
            new TextBlock(CardTexts.GoalHeading) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(isShort ? CardTexts.GoalNoteShort : CardTexts.GoalNote),
            new TextInput(GoalId, GoalLabel) { IsRequired = true, IsMultiline = true, MaxLength = MaxGoalLength, Placeholder = CardTexts.GoalPlaceholder, ErrorMessage = CardTexts.GoalRequired },
        };
        if (!isShort)
        {
            body.Add(new TextInput(SpecificId, SpecificLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(MeasureId, MeasureLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(AchievableId, AchievableLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
            body.Add(new TextInput(RelevantId, RelevantLabel) { IsMultiline = true, MaxLength = MaxAnswerLength });
        }

        body.Add(new DateInput(TargetDateId, TargetDateLabel) { IsRequired = true, ErrorMessage = CardTexts.TargetDateRequired });
        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(SaveTitle, new JsonObject { [CardKinds.Field] = CardKinds.Goal })] };
    }

    /// <summary>What was saved, as a card with no inputs, to replace the form so it cannot be sent twice.</summary>
    public static AdaptiveCard Saved(GoalDraft goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var facts = new List<Fact> { new(TargetDateLabel, goal.TargetDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)) };
        AddIfPresent(facts, CardTexts.SpecificName, goal.Specific);
        AddIfPresent(facts, CardTexts.MeasurableName, goal.Measure);
        AddIfPresent(facts, CardTexts.AchievableName, goal.Achievable);
        AddIfPresent(facts, CardTexts.RelevantName, goal.Relevant);
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock(CardTexts.GoalSavedHeading) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                new TextBlock(goal.Goal),
                new FactSet { Facts = facts },
            ],
        };
    }

    /// <summary>Reads and checks a submit of the form; <paramref name="today"/> is the user's local date.</summary>
    public static PromptValidation<GoalDraft> Read(JsonElement value, DateOnly today)
    {
        var form = FormReader.From(value);
        var goal = form.Text(GoalId, CardTexts.GoalHeading, required: true, maxLength: MaxGoalLength);
        var specific = form.Text(SpecificId, CardTexts.SpecificName, maxLength: MaxAnswerLength);
        var measure = form.Text(MeasureId, CardTexts.MeasurableName, maxLength: MaxAnswerLength);
        var achievable = form.Text(AchievableId, CardTexts.AchievableName, maxLength: MaxAnswerLength);
        var relevant = form.Text(RelevantId, CardTexts.RelevantName, maxLength: MaxAnswerLength);
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
