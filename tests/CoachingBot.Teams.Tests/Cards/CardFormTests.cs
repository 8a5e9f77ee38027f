using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Teams.Tests.Cards;

public sealed class CardFormTests
{
    private static AdaptiveCard GoalCard() => new()
    {
        Body =
        [
            new TextBlock("Set your goal") { Weight = TextWeight.Bolder },
            new TextInput("goal", "Goal") { IsRequired = true, ErrorMessage = "Please write your goal." },
            new Container { Items = [new NumberInput("confidence", "Confidence") { Min = 1, Max = 10 }] },
            new ColumnSet { Columns = [new Column { Items = [new DateInput("by", "Target date")] }, new Column { Items = [new TimeInput("at", "Time")] }] },
            new ToggleInput("share", "Share with my sponsor"),
            new ChoiceSetInput("options", "Options") { IsMultiSelect = true, Choices = [new Choice("A", "a"), new Choice("B", "b")] },
        ],
        Actions =
        [
            new SubmitAction("Save", new JsonObject { ["verb"] = "saveGoal" }),
            new ShowCardAction { Title = "Add a note", Card = new AdaptiveCard { Schema = null, Body = [new TextInput("note", "Note")] } },
        ],
    };

    [Fact]
    public void WithValuesAndErrors_PutsValuesInInputs_AndErrorLinesUnderThem()
    {
        var values = new Dictionary<string, string>
        {
            ["goal"] = "Run 5 km", ["confidence"] = "abc", ["by"] = "2026-03-01", ["at"] = "09:30",
            ["share"] = "true", ["options"] = "a,b", ["note"] = "", ["verb"] = "saveGoal", ["unknown"] = "x",
        };
        var errors = new Dictionary<string, string>
        {
            ["confidence"] = "Confidence must be a whole number from 1 to 10.",
            ["note"] = "Note is required.",
        };

        var shown = CardForm.WithValuesAndErrors(GoalCard(), values, errors);

        JsonAssert.Equal("""
            {
              "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
              "body": [
                { "type": "TextBlock", "id": "cardForm.error.summary", "text": "Please fix 2 fields.", "wrap": true, "weight": "bolder", "color": "attention" },
                { "type": "TextBlock", "text": "Set your goal", "wrap": true, "weight": "bolder" },
                { "type": "Input.Text", "id": "goal", "label": "Goal", "isRequired": true, "errorMessage": "Please write your goal.", "value": "Run 5 km" },
                { "type": "Container", "items": [
                    { "type": "Input.Number", "id": "confidence", "label": "Confidence", "min": 1, "max": 10 },
                    { "type": "TextBlock", "id": "cardForm.error.confidence", "text": "Confidence must be a whole number from 1 to 10.",
                      "wrap": true, "color": "attention", "spacing": "small" } ] },
                { "type": "ColumnSet", "columns": [
                    { "type": "Column", "items": [ { "type": "Input.Date", "id": "by", "label": "Target date", "value": "2026-03-01" } ] },
                    { "type": "Column", "items": [ { "type": "Input.Time", "id": "at", "label": "Time", "value": "09:30" } ] } ] },
                { "type": "Input.Toggle", "id": "share", "title": "Share with my sponsor", "value": "true", "valueOn": "true", "valueOff": "false" },
                { "type": "Input.ChoiceSet", "id": "options", "label": "Options", "isMultiSelect": true, "value": "a,b",
                  "choices": [ { "title": "A", "value": "a" }, { "title": "B", "value": "b" } ] }
              ],
              "actions": [
                { "type": "Action.Submit", "title": "Save", "data": { "verb": "saveGoal" } },
                { "type": "Action.ShowCard", "title": "Add a note", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [
                    { "type": "Input.Text", "id": "note", "label": "Note", "value": "" },
                    { "type": "TextBlock", "id": "cardForm.error.note", "text": "Note is required.", "wrap": true, "color": "attention", "spacing": "small" } ] } }
              ]
            }
            """, shown.ToJson());
        Assert.Empty(CardChecker.Check(shown));
    }

    [Fact]
    public void WithValuesAndErrors_ShowsErrorsOfNoInputAtTheTop_AfterTheSummary()
    {
        var errors = new Dictionary<string, string>
        {
            ["goal"] = "Goal is required.",
            [FormReader.FormErrorKey] = FormReader.EmptyAnswerMessage,
            ["end"] = "End date must be after the start date.",
        };

        var shown = CardForm.WithValuesAndErrors(GoalCard(), new Dictionary<string, string>(), errors);

        var top = shown.Body.Take(4).Select(element => Assert.IsType<TextBlock>(element)).ToList();
        Assert.Equal(
            ["Please fix 1 field.", FormReader.EmptyAnswerMessage, "End date must be after the start date.", "Set your goal"],
            top.Select(text => text.Text));
        Assert.All(top.Take(3), text => Assert.Equal(TextColor.Attention, text.Color));
        Assert.Equal("Goal is required.", Assert.IsType<TextBlock>(shown.Body[5]).Text);
        Assert.Empty(CardChecker.Check(shown));
    }

    [Fact]
    public void WithValuesAndErrors_AddsNoSummary_WhenThereAreNoErrors()
    {
        var shown = CardForm.WithValuesAndErrors(GoalCard(), new Dictionary<string, string> { ["goal"] = "Run" }, new Dictionary<string, string>());

        Assert.Equal(GoalCard().Body.Count, shown.Body.Count);
        Assert.Equal("Run", Assert.IsType<TextInput>(shown.Body[1]).Value);
    }

    [Fact]
    public void WithValuesAndErrors_LeavesInputEmpty_WhenValueDoesNotFitIt()
    {
        var values = new Dictionary<string, string> { ["by"] = "2026-02-30", ["at"] = "late", ["confidence"] = "7" };

        var shown = CardForm.WithValuesAndErrors(GoalCard(), values, new Dictionary<string, string>());

        var columns = ((ColumnSet)shown.Body[3]).Columns;
        Assert.Null(Assert.IsType<DateInput>(columns[0].Items![0]).Value);
        Assert.Null(Assert.IsType<TimeInput>(columns[1].Items![0]).Value);
        Assert.Equal(7, Assert.IsType<NumberInput>(((Container)shown.Body[2]).Items[0]).Value);
    }

    [Fact]
    public void WithValuesAndErrors_ReplacesEarlierErrorLines_WhenCardIsShownAgain()
    {
        var first = CardForm.WithValuesAndErrors(GoalCard(), new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["goal"] = "Goal is required.", ["note"] = "Note is required.", [""] = "Empty.",
        });

        var second = CardForm.WithValuesAndErrors(first, new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["confidence"] = "Confidence must be a whole number from 1 to 10.",
        });

        var expected = CardForm.WithValuesAndErrors(GoalCard(), new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["confidence"] = "Confidence must be a whole number from 1 to 10.",
        });
        JsonAssert.Equal(expected.ToJson(), second.ToJson());
    }

    [Fact]
    public void WithValuesAndErrors_LeavesOriginalCardUnchanged()
    {
        var card = GoalCard();
        var before = card.ToJson();

        CardForm.WithValuesAndErrors(card, new Dictionary<string, string> { ["goal"] = "x" }, new Dictionary<string, string> { ["goal"] = "Bad." });

        Assert.Equal(before, card.ToJson());
    }

    [Fact]
    public void WithValuesAndErrors_TakesRawValuesAndErrors_OfAFormReader()
    {
        var form = FormReader.From(System.Text.Json.JsonDocument.Parse("""{ "goal": "  ", "confidence": "12", "share": "false" }""").RootElement.Clone());
        form.Text("goal", "Goal", required: true);
        form.WholeNumber("confidence", "Confidence", min: 1, max: 10);

        var shown = CardForm.WithValuesAndErrors(GoalCard(), form);

        Assert.Equal("Please fix 2 fields.", Assert.IsType<TextBlock>(shown.Body[0]).Text);
        Assert.Equal("  ", Assert.IsType<TextInput>(shown.Body[2]).Value);
        Assert.Equal("Goal is required.", Assert.IsType<TextBlock>(shown.Body[3]).Text);
        var confidence = ((Container)shown.Body[4]).Items;
        Assert.Equal(12, Assert.IsType<NumberInput>(confidence[0]).Value);
        Assert.Equal("Confidence must be a whole number from 1 to 10.", Assert.IsType<TextBlock>(confidence[1]).Text);
        Assert.Equal("false", Assert.IsType<ToggleInput>(shown.Body[6]).Value);
    }
}
