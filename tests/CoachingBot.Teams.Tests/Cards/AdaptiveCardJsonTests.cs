using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Cards;

public sealed class AdaptiveCardJsonTests
{
    private static AdaptiveCard EveryKindCard() => new()
    {
        Body =
        [
            new TextBlock("Your goal")
            {
                Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Accent, IsSubtle = true,
                Spacing = Spacing.ExtraLarge, Separator = true, HorizontalAlignment = HorizontalAlignment.Center, MaxLines = 3,
            },
            new RichTextBlock
            {
                Inlines = [new TextRun("Goal: ") { Weight = TextWeight.Bolder }, new TextRun("run 5 km") { Italic = true, Color = TextColor.Good }],
            },
            new FactSet { Facts = [new Fact("Target date", "2026-03-01")] },
            new Container
            {
                Style = ContainerStyle.Emphasis,
                SelectAction = new OpenUrlAction { Url = new Uri("https://example.org/goal") },
                Items = [new TextBlock("Inside")],
            },
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Auto, Items = [new Image { Url = new Uri("https://example.org/a.png"), AltText = "Avatar", Size = ImageSize.Small }] },
                    new Column { Width = ColumnWidth.Stretch },
                    new Column { Width = ColumnWidth.Weighted(2) },
                    new Column { Width = ColumnWidth.Pixels(50) },
                ],
            },
            new TextInput("goal", "Goal") { IsRequired = true, ErrorMessage = "Write your goal.", Placeholder = "What do you want?", MaxLength = 500, IsMultiline = true, Regex = "^.+$", Value = "Run" },
            new NumberInput("confidence", "Confidence") { Min = 1, Max = 10, Value = 7, Placeholder = "1 to 10" },
            new DateInput("by", "Target date") { Min = new DateOnly(2026, 1, 5), Max = new DateOnly(2026, 12, 31), Value = new DateOnly(2026, 3, 1) },
            new TimeInput("at", "Time") { Min = new TimeOnly(8, 0), Max = new TimeOnly(18, 30), Value = new TimeOnly(9, 5) },
            new ToggleInput("share", "Share with my sponsor") { Value = "false" },
            new ChoiceSetInput("options", "Options")
            {
                Choices = [new Choice("Ask for help", "help"), new Choice("Train", "train")],
                IsMultiSelect = true, Style = ChoiceInputStyle.Expanded, Value = "help,train",
            },
            new ActionSet { Actions = [SubmitAction.ImBack("Yes", "yes")] },
        ],
        Actions =
        [
            new SubmitAction("Save", new JsonObject { ["action"] = "saveGoal" }) { Style = ActionStyle.Positive },
            new SubmitAction("Cancel") { AssociatedInputs = AssociatedInputs.None, Style = ActionStyle.Destructive },
            new ExecuteAction("Refresh", "refreshGoal", new JsonObject { ["cardId"] = "c1" }) { AssociatedInputs = AssociatedInputs.Auto },
            new ShowCardAction { Title = "More", Card = new AdaptiveCard { Schema = null, Body = [new TextBlock("Detail")] } },
        ],
        Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "refresh" }, UserIds = ["29:abc"] },
        MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
        FallbackText = "Your goal",
    };

    private const string EveryKindJson = """
        {
          "type": "AdaptiveCard",
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "version": "1.5",
          "body": [
            { "type": "TextBlock", "text": "Your goal", "wrap": true, "weight": "bolder", "size": "medium", "color": "accent",
              "isSubtle": true, "spacing": "extraLarge", "separator": true, "horizontalAlignment": "center", "maxLines": 3 },
            { "type": "RichTextBlock", "inlines": [
                { "type": "TextRun", "text": "Goal: ", "weight": "bolder" },
                { "type": "TextRun", "text": "run 5 km", "italic": true, "color": "good" } ] },
            { "type": "FactSet", "facts": [ { "title": "Target date", "value": "2026-03-01" } ] },
            { "type": "Container", "style": "emphasis",
              "selectAction": { "type": "Action.OpenUrl", "url": "https://example.org/goal" },
              "items": [ { "type": "TextBlock", "text": "Inside", "wrap": true } ] },
            { "type": "ColumnSet", "columns": [
                { "type": "Column", "width": "auto", "items": [
                    { "type": "Image", "url": "https://example.org/a.png", "altText": "Avatar", "size": "small" } ] },
                { "type": "Column", "width": "stretch" },
                { "type": "Column", "width": 2 },
                { "type": "Column", "width": "50px" } ] },
            { "type": "Input.Text", "id": "goal", "label": "Goal", "isRequired": true, "errorMessage": "Write your goal.",
              "placeholder": "What do you want?", "value": "Run", "maxLength": 500, "isMultiline": true, "regex": "^.+$" },
            { "type": "Input.Number", "id": "confidence", "label": "Confidence", "min": 1, "max": 10, "value": 7, "placeholder": "1 to 10" },
            { "type": "Input.Date", "id": "by", "label": "Target date", "min": "2026-01-05", "max": "2026-12-31", "value": "2026-03-01" },
            { "type": "Input.Time", "id": "at", "label": "Time", "min": "08:00", "max": "18:30", "value": "09:05" },
            { "type": "Input.Toggle", "id": "share", "title": "Share with my sponsor", "value": "false", "valueOn": "true", "valueOff": "false" },
            { "type": "Input.ChoiceSet", "id": "options", "label": "Options",
              "choices": [ { "title": "Ask for help", "value": "help" }, { "title": "Train", "value": "train" } ],
              "isMultiSelect": true, "style": "expanded", "value": "help,train" },
            { "type": "ActionSet", "actions": [
                { "type": "Action.Submit", "title": "Yes", "data": { "msteams": { "type": "imBack", "value": "yes" } } } ] }
          ],
          "actions": [
            { "type": "Action.Submit", "title": "Save", "style": "positive", "data": { "action": "saveGoal" } },
            { "type": "Action.Submit", "title": "Cancel", "style": "destructive", "associatedInputs": "none" },
            { "type": "Action.Execute", "title": "Refresh", "verb": "refreshGoal", "data": { "cardId": "c1" }, "associatedInputs": "auto" },
            { "type": "Action.ShowCard", "title": "More", "card": {
                "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Detail", "wrap": true } ] } }
          ],
          "refresh": { "action": { "type": "Action.Execute", "verb": "refresh" }, "userIds": [ "29:abc" ] },
          "msteams": { "width": "Full" },
          "fallbackText": "Your goal"
        }
        """;

    [Fact]
    public void ToJson_WritesSchemaNames_ForEveryElementAndActionType()
    {
        var card = EveryKindCard();

        JsonAssert.Equal(EveryKindJson, card.ToJson());
        Assert.Empty(CardChecker.Check(card));
    }

    [Fact]
    public void ToJson_PutsTypeFirst_InEveryObject()
    {
        // The imBack data's own "type" is data, not a discriminator, but is first there too.
        JsonAssert.TypeComesFirst(EveryKindCard().ToJson());
    }

    [Fact]
    public void ToJson_LeavesOutUnsetProperties()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "Hi" }] };

        var json = card.ToJson();

        Assert.Empty(CardChecker.Check(card));
        JsonAssert.Equal("""
            { "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
              "body": [ { "type": "TextBlock", "text": "Hi" } ] }
            """, json);
    }

    [Fact]
    public void FromJson_GivesTheSameJson_WhenWrittenAndReadBack()
    {
        var json = EveryKindCard().ToJson();

        var back = AdaptiveCard.FromJson(json);

        JsonAssert.Equal(json, back.ToJson());
        Assert.IsType<ChoiceSetInput>(back.Body[10]);
        Assert.Equal(new TimeOnly(9, 5), Assert.IsType<TimeInput>(back.Body[8]).Value);
        Assert.Equal(2, back.Body.OfType<ColumnSet>().Single().Columns[2].Width!.Value.Weight);
    }

    [Fact]
    public void FromJson_ReadsCard_WhenTypeIsNotFirstAndNamesDifferInCase()
    {
        var card = AdaptiveCard.FromJson("""
            { "version": "1.4", "type": "AdaptiveCard",
              "body": [ { "text": "Hi", "type": "TextBlock", "weight": "Bolder" } ],
              "actions": [ { "title": "Go", "type": "Action.Execute", "verb": "go" } ] }
            """);

        var text = Assert.IsType<TextBlock>(Assert.Single(card.Body));
        Assert.Equal(TextWeight.Bolder, text.Weight);
        Assert.Equal("1.4", card.Version);
        Assert.Equal("go", Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!)).Verb);
    }

    [Theory]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "type": "Carousel" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "type": "Input.Time", "id": "t", "value": "9 o'clock" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "type": "ColumnSet", "columns": [ { "width": true } ] } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "text": "no type" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "actions": [ { "title": "no type" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "refresh": { "action": { "type": "Action.Submit" } } }""")]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "weight": "heavy" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "body": [ { "type": "Input.Date", "id": "d", "value": "2026-02-30" } ] }""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    public void FromJson_ThrowsJsonException_WhenCardIsMalformedOrUnsupported(string json)
    {
        Assert.ThrowsAny<JsonException>(() => AdaptiveCard.FromJson(json));
    }

    [Fact]
    public void ImBack_PutsValueInTeamsImBackData()
    {
        var action = SubmitAction.ImBack("Yes, carry on", "yes");

        JsonAssert.Equal("""
            { "type": "Action.Submit", "title": "Yes, carry on", "data": { "msteams": { "type": "imBack", "value": "yes" } } }
            """, JsonSerializer.Serialize<AdaptiveAction>(action, CardJson.Options));
    }

    [Fact]
    public void ToAttachment_CarriesCardAsContent_WithAdaptiveContentType()
    {
        var card = EveryKindCard();

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Same(card, attachment.Content);
    }

    [Fact]
    public void ToAttachment_WritesSameCardJson_WhenActivityIsSerializedWithProtocolSettings()
    {
        var card = EveryKindCard();
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] };

        var written = JsonNode.Parse(BotJson.Serialize(activity))!["attachments"]![0]!["content"]!.ToJsonString();

        JsonAssert.Equal(card.ToJson(), written);
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var card = EveryKindCard();

        var copy = card.Clone();
        ((TextInput)copy.Body[5]).Value = "changed";
        ((JsonObject)((SubmitAction)copy.Actions![0]).Data!)["action"] = "other";

        JsonAssert.Equal(EveryKindJson, card.ToJson());
    }
}
