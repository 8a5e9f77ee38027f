using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Sessions;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Tests.Sessions;

public sealed class GoalCardTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly CardFormView EmptyView = new(
        new Dictionary<string, string>(), new Dictionary<string, string>(), new CardFormPromptOptions());

    [Fact]
    public void Form_IsATeamsSafeCard_WithEveryInputOnce()
    {
        var card = GoalCard.Form(EmptyView);
        var json = JsonNode.Parse(card.ToJson())!;

        Assert.Empty(CardChecker.Check(card));
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        var ids = json["body"]!.AsArray().Select(e => e!["id"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal([GoalCard.GoalId, GoalCard.SpecificId, GoalCard.MeasureId, GoalCard.AchievableId, GoalCard.RelevantId, GoalCard.TargetDateId], ids);
        var submit = json["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.Submit", submit["type"]!.GetValue<string>());
        Assert.Equal(GoalCard.SaveTitle, submit["title"]!.GetValue<string>());
    }

    [Fact]
    public void Saved_HasNoInputsOrActions_AndShowsWhatWasSaved()
    {
        var card = GoalCard.Saved(new GoalDraft("Lead the team", "Run the meetings", null, null, "Reorg in April", new DateOnly(2026, 6, 30)));
        var json = card.ToJson();

        Assert.Empty(CardChecker.Check(card));
        Assert.DoesNotContain("Input.", json, StringComparison.Ordinal);
        Assert.Null(card.Actions);
        Assert.Contains("Lead the team", json, StringComparison.Ordinal);
        Assert.Contains("30 June 2026", json, StringComparison.Ordinal);
        Assert.Contains("Reorg in April", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Measurable", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"goal":"Lead the team","targetDate":"2026-03-02"}""", null)]
    [InlineData("""{"goal":"Lead the team","targetDate":"2026-03-01"}""", "targetDate:Target date can't be in the past.")]
    [InlineData("""{"goal":"","targetDate":"2026-06-30"}""", "goal:Your goal is required.")]
    [InlineData("""{"targetDate":"2026-06-30"}""", "goal:Your goal is required.")]
    [InlineData("""{"goal":"Lead the team"}""", "targetDate:Target date is required.")]
    [InlineData("""{"goal":"Lead the team","targetDate":"2026-02-30"}""", "targetDate:Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("""{"goal":"Lead the team","measure":5,"targetDate":"2026-06-30"}""", null)]
    [InlineData("\"not an object\"", ":This card's answer arrived empty — please submit the card again.")]
    public void Read_ValidatesEachField_WithAClearMessage(string submitted, string? error)
    {
        var result = GoalCard.Read(JsonDocument.Parse(submitted).RootElement, Today);

        if (error is null)
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            Assert.Equal("Lead the team", result.Value!.Goal);
        }
        else
        {
            Assert.False(result.IsValid);
            var (field, message) = (error[..error.IndexOf(':', StringComparison.Ordinal)], error[(error.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            Assert.Equal(message, result.Errors[field]);
        }
    }

    [Fact]
    public void Read_RefusesOverlongAnswers_InsteadOfCuttingThem()
    {
        var value = JsonSerializer.SerializeToElement(new { goal = "Lead", relevant = new string('r', GoalCard.MaxAnswerLength + 1), targetDate = "2026-06-30" });

        var result = GoalCard.Read(value, Today);

        Assert.False(result.IsValid);
        Assert.Contains($"{GoalCard.MaxAnswerLength} characters or fewer", result.Errors[GoalCard.RelevantId], StringComparison.Ordinal);
    }
}
