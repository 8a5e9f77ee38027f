using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Teams.Tests.Cards;

public sealed class FormReaderTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    /// <summary>A submit value holding one field; null leaves the field out.</summary>
    private static FormReader FormWith(string id, object? sent)
    {
        var fields = new JsonObject();
        if (sent is not null)
        {
            fields[id] = JsonSerializer.SerializeToNode(sent);
        }

        return FormReader.From(JsonSerializer.SerializeToElement(fields));
    }

    private static FormReader Parse(string json) => FormReader.From(JsonDocument.Parse(json).RootElement.Clone());

    private static void AssertOutcome(FormReader form, string id, string? expectedError)
    {
        if (expectedError is null)
        {
            Assert.True(form.IsValid, string.Join("; ", form.Errors.Values));
            Assert.Empty(form.Errors);
        }
        else
        {
            Assert.False(form.IsValid);
            Assert.Equal(expectedError, Assert.Single(form.Errors, pair => pair.Key == id).Value);
            Assert.Single(form.Errors);
        }
    }

    [Theory]
    [InlineData("Run 5 km", true, "Run 5 km", null)]
    [InlineData("  Run 5 km \n", true, "Run 5 km", null)]
    [InlineData("line one\r\nline two\rthree", true, "line one\nline two\nthree", null)]
    [InlineData("a\u0000b\tc\u0007\u001bd\u007f", true, "ab\tcd", null)]
    [InlineData(null, true, null, "Goal is required.")]
    [InlineData("", true, null, "Goal is required.")]
    [InlineData("   \n\t ", true, null, "Goal is required.")]
    [InlineData("\u0000\u0008", true, null, "Goal is required.")]
    [InlineData(null, false, null, null)]
    [InlineData("  ", false, null, null)]
    [InlineData(42, true, "42", null)]
    [InlineData(true, true, "true", null)]
    public void Text_TrimsAndCleans_AndRequiresContent(object? sent, bool required, string? expected, string? error)
    {
        var form = FormWith("goal", sent);

        var text = form.Text("goal", label: "Goal", required: required);

        Assert.Equal(expected, text);
        AssertOutcome(form, "goal", error);
    }

    [Theory]
    [InlineData(500, 500, null)]
    [InlineData(501, 500, "Goal must be 500 characters or fewer (you wrote 501).")]
    [InlineData(612, 500, "Goal must be 500 characters or fewer (you wrote 612).")]
    [InlineData(4000, null, null)]
    [InlineData(4001, null, "Goal must be 4,000 characters or fewer (you wrote 4,001).")]
    public void Text_RejectsOverlongText_WithoutCuttingIt(int length, int? maxLength, string? error)
    {
        var sent = new string('g', length);
        var form = FormWith("goal", sent);

        var text = maxLength is { } max ? form.Text("goal", "Goal", maxLength: max) : form.Text("goal", "Goal");

        Assert.Equal(error is null ? sent : null, text);
        AssertOutcome(form, "goal", error);
    }

    [Fact]
    public void Text_CountsLengthAfterTrimming()
    {
        var form = FormWith("goal", "   " + new string('g', 10) + "   ");

        Assert.Equal(10, form.Text("goal", "Goal", maxLength: 10)!.Length);
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData("""{ "goal": { "a": 1 } }""")]
    [InlineData("""{ "goal": [ "a" ] }""")]
    public void Text_ReportsNotText_WhenFieldIsObjectOrArray(string json)
    {
        var form = Parse(json);

        Assert.Null(form.Text("goal", "Goal"));
        AssertOutcome(form, "goal", "Goal must be text.");
    }

    [Fact]
    public void Text_NamesFieldById_WhenNoLabelGiven()
    {
        var form = FormWith("goal", " ");

        form.Text("goal", required: true);

        AssertOutcome(form, "goal", "goal is required.");
    }

    [Theory]
    [InlineData("3", 3, null)]
    [InlineData(3, 3, null)]
    [InlineData(" 7 ", 7, null)]
    [InlineData("3.0", 3, null)]
    [InlineData(3.0, 3, null)]
    [InlineData("1", 1, null)]
    [InlineData("10", 10, null)]
    [InlineData("3.5", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData(3.5, null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("abc", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("0", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData(11, null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("-3", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("1e1", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("99999999999999999999999", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData("3 4", null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData(true, null, "Confidence must be a whole number from 1 to 10.")]
    [InlineData(null, null, "Confidence is required.")]
    [InlineData("  ", null, "Confidence is required.")]
    public void WholeNumber_ParsesTextAndNumbers_WithinRange(object? sent, int? expected, string? error)
    {
        var form = FormWith("confidence", sent);

        var number = form.WholeNumber("confidence", "Confidence", required: true, min: 1, max: 10);

        Assert.Equal(expected, number);
        AssertOutcome(form, "confidence", error);
    }

    [Theory]
    [InlineData(int.MinValue, int.MaxValue, "Hours must be a whole number.")]
    [InlineData(0, int.MaxValue, "Hours must be a whole number of at least 0.")]
    [InlineData(int.MinValue, 40, "Hours must be a whole number of at most 40.")]
    public void WholeNumber_WordsRangeByBoundsGiven(int min, int max, string error)
    {
        var form = FormWith("hours", "many");

        form.WholeNumber("hours", "Hours", min: min, max: max);

        AssertOutcome(form, "hours", error);
    }

    [Fact]
    public void WholeNumber_ReturnsNullWithoutError_WhenOptionalAndMissing()
    {
        var form = Parse("""{ "confidence": null }""");

        Assert.Null(form.WholeNumber("confidence", "Confidence", min: 1, max: 10));
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData("2026-01-15", "2026-01-15", null)]
    [InlineData("2026-03-31", "2026-03-31", null)]
    [InlineData(" 2026-12-31 ", "2026-12-31", null)]
    [InlineData("2026-01-14", null, "Target date can't be in the past.")]
    [InlineData("1999-12-31", null, "Target date can't be in the past.")]
    [InlineData("2026-02-30", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("2026-13-01", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("15/01/2026", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("2026-1-20", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("2026-01-20T00:00:00", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData("tomorrow", null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData(20260120, null, "Target date must be a real date, written year-month-day (like 2026-03-31).")]
    [InlineData(null, null, "Target date is required.")]
    [InlineData("", null, "Target date is required.")]
    public void Date_ReadsIsoDates_AndRejectsPast(object? sent, string? expected, string? error)
    {
        var form = FormWith("by", sent);

        var date = form.Date("by", "Target date", required: true, today: Today);

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        AssertOutcome(form, "by", error);
    }

    [Theory]
    [InlineData("2026-02-01", null)]
    [InlineData("2026-06-30", null)]
    [InlineData("2026-01-31", "Review date can't be before 1 February 2026.")]
    [InlineData("2026-07-01", "Review date can't be after 30 June 2026.")]
    public void Date_HoldsToBounds_WhenGiven(string sent, string? error)
    {
        var form = FormWith("review", sent);

        form.Date("review", "Review date", notBefore: new DateOnly(2026, 2, 1), notAfter: new DateOnly(2026, 6, 30));

        AssertOutcome(form, "review", error);
    }

    [Theory]
    [InlineData("09:30", "09:30", null)]
    [InlineData("08:00", "08:00", null)]
    [InlineData("18:00:00", "18:00", null)]
    [InlineData("07:59", null, "Check-in time can't be before 08:00.")]
    [InlineData("18:01", null, "Check-in time can't be after 18:00.")]
    [InlineData("9:30", null, "Check-in time must be a time on the 24-hour clock (like 09:30).")]
    [InlineData("24:00", null, "Check-in time must be a time on the 24-hour clock (like 09:30).")]
    [InlineData("9.30am", null, "Check-in time must be a time on the 24-hour clock (like 09:30).")]
    [InlineData(930, null, "Check-in time must be a time on the 24-hour clock (like 09:30).")]
    [InlineData(null, null, "Check-in time is required.")]
    public void Time_ReadsHoursAndMinutes_WithinBounds(object? sent, string? expected, string? error)
    {
        var form = FormWith("at", sent);

        var time = form.Time("at", "Check-in time", required: true, notBefore: new TimeOnly(8, 0), notAfter: new TimeOnly(18, 0));

        Assert.Equal(expected is null ? null : TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        AssertOutcome(form, "at", error);
    }

    [Theory]
    [InlineData("true", true, null)]
    [InlineData("false", false, null)]
    [InlineData("TRUE", true, null)]
    [InlineData(true, true, null)]
    [InlineData(false, false, null)]
    [InlineData(null, false, null)]
    [InlineData("", false, null)]
    [InlineData("yes", false, "Share must be on or off.")]
    [InlineData(1, false, "Share must be on or off.")]
    public void Toggle_ReadsOnAndOff(object? sent, bool expected, string? error)
    {
        var form = FormWith("share", sent);

        Assert.Equal(expected, form.Toggle("share", "Share"));
        AssertOutcome(form, "share", error);
    }

    [Theory]
    [InlineData("agreed", true, null)]
    [InlineData("declined", false, "Consent must be ticked to go on.")]
    [InlineData("true", false, "Consent must be on or off.")]
    [InlineData(null, false, "Consent must be ticked to go on.")]
    public void Toggle_UsesCustomValues_AndCanRequireOn(object? sent, bool expected, string? error)
    {
        var form = FormWith("consent", sent);

        Assert.Equal(expected, form.Toggle("consent", "Consent", mustBeOn: true, valueOn: "agreed", valueOff: "declined"));
        AssertOutcome(form, "consent", error);
    }

    [Theory]
    [InlineData("grow", "grow", null)]
    [InlineData(" egan ", "egan", null)]
    [InlineData("GROW", null, "Model must be one of the options shown.")]
    [InlineData("grow,egan", null, "Model must be one of the options shown.")]
    [InlineData("other", null, "Model must be one of the options shown.")]
    [InlineData(null, null, "Model is required.")]
    public void Choice_AcceptsOnlyOfferedValue(object? sent, string? expected, string? error)
    {
        var form = FormWith("model", sent);

        Assert.Equal(expected, form.Choice("model", ["grow", "egan"], "Model", required: true));
        AssertOutcome(form, "model", error);
    }

    [Theory]
    [InlineData("a,b", 0, 9, "a|b", null)]
    [InlineData("c, a", 0, 9, "c|a", null)]
    [InlineData("a,a,b", 0, 9, "a|b", null)]
    [InlineData("a,,b,", 0, 9, "a|b", null)]
    [InlineData("a", 0, 9, "a", null)]
    [InlineData(null, 0, 9, "", null)]
    [InlineData("", 0, 9, "", null)]
    [InlineData("a,x", 0, 9, "", "Options must be chosen from the options shown.")]
    [InlineData("A", 0, 9, "", "Options must be chosen from the options shown.")]
    [InlineData(null, 1, 9, "", "Options is required.")]
    [InlineData(" , ", 1, 9, "", "Options is required.")]
    [InlineData("a", 2, 9, "", "Options needs at least 2 choices (you chose 1).")]
    [InlineData("", 2, 9, "", "Options needs at least 2 choices (you chose 0).")]
    [InlineData("a,b,c", 0, 2, "", "Options allows at most 2 choices (you chose 3).")]
    [InlineData("a,b", 0, 1, "", "Options allows at most 1 choice (you chose 2).")]
    [InlineData(true, 0, 9, "", "Options must be chosen from the options shown.")]
    public void Choices_SplitsCommaList_AndChecksCount(object? sent, int min, int max, string expected, string? error)
    {
        var form = FormWith("options", sent);

        var chosen = form.Choices("options", ["a", "b", "c"], "Options", min: min, max: max);

        Assert.Equal(expected, string.Join('|', chosen));
        AssertOutcome(form, "options", error);
    }

    [Theory]
    [InlineData("""{ "options": [ "a", "c" ] }""", "a|c", null)]
    [InlineData("""{ "options": [ "a", 1 ] }""", "", "Options must be chosen from the options shown.")]
    [InlineData("""{ "options": { "a": true } }""", "", "Options must be chosen from the options shown.")]
    public void Choices_AcceptsJsonArrayOfStrings(string json, string expected, string? error)
    {
        var form = Parse(json);

        Assert.Equal(expected, string.Join('|', form.Choices("options", ["a", "b", "c"], "Options")));
        AssertOutcome(form, "options", error);
    }

    public static TheoryData<string?> NotObjects => [null, "null", "\"text\"", "[1, 2]", "42", "undefined"];

    [Theory]
    [MemberData(nameof(NotObjects))]
    public void From_ReportsEmptyAnswerOnly_WhenValueIsNotAnObject(string? json)
    {
        JsonElement? value = json switch
        {
            null => null,
            "undefined" => default(JsonElement),
            _ => JsonDocument.Parse(json).RootElement.Clone(),
        };

        var form = FormReader.From(value);
        var goal = form.Text("goal", "Goal", required: true);
        var confidence = form.WholeNumber("confidence", "Confidence", required: true, min: 1, max: 10);
        form.AddError("end", "End date must be after the start date.");

        Assert.Null(goal);
        Assert.Null(confidence);
        Assert.False(form.IsValid);
        var error = Assert.Single(form.Errors);
        Assert.Equal(FormReader.FormErrorKey, error.Key);
        Assert.Equal("This card's answer arrived empty — please submit the card again.", error.Value);
        Assert.Empty(form.Raw);
    }

    [Fact]
    public void Raw_KeepsScalarFieldsAsSent()
    {
        var form = Parse("""
            { "goal": "  Run \n", "confidence": 3, "share": true, "off": false, "msteams": { "type": "imBack" },
              "list": [ "a" ], "gone": null, "by": "2026-02-30" }
            """);

        Assert.Equal(
            new Dictionary<string, string> { ["goal"] = "  Run \n", ["confidence"] = "3", ["share"] = "true", ["off"] = "false", ["by"] = "2026-02-30" },
            form.Raw);
    }

    [Fact]
    public void Errors_KeepFirstErrorPerField_AndAddErrorDoesTheSame()
    {
        var form = Parse("""{ "goal": "  ", "by": "2026-01-01" }""");

        form.Text("goal", "Goal", required: true);
        form.Text("goal", "Goal", required: true, maxLength: 1);
        form.AddError("goal", "Something else.");
        form.Date("by", "Target date", today: Today);
        form.AddError("end", "End date must be after the start date.");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["goal"] = "Goal is required.",
                ["by"] = "Target date can't be in the past.",
                ["end"] = "End date must be after the start date.",
            },
            form.Errors);
    }

    [Fact]
    public void Verb_ComesFromDataField_ForSubmit()
    {
        var form = Parse("""{ "verb": " saveGoal ", "cardId": "c-1", "goal": "Run" }""");

        Assert.Equal("saveGoal", form.Verb);
        Assert.Equal("c-1", form.Field("cardId"));
        Assert.Null(form.Field("missing"));
        Assert.True(form.IsValid);
    }

    [Fact]
    public void FromInvoke_ReadsVerbAndData_OfActionExecute()
    {
        var value = JsonDocument.Parse("""
            { "action": { "type": "Action.Execute", "verb": "saveGoal", "data": { "cardId": "c-1", "confidence": "4" } },
              "trigger": "manual" }
            """).RootElement.Clone();

        var form = FormReader.FromInvoke(value);

        Assert.Equal("saveGoal", form.Verb);
        Assert.Equal("c-1", form.Field("cardId"));
        Assert.Equal(4, form.WholeNumber("confidence", "Confidence", min: 1, max: 10));
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "refresh" } }""", "refresh")]
    [InlineData("""{ "action": "saveGoal" }""", null)]
    [InlineData("""{ "trigger": "manual" }""", null)]
    [InlineData("[]", null)]
    public void FromInvoke_ReportsEmptyAnswer_WhenDataIsMissing(string json, string? verb)
    {
        var form = FormReader.FromInvoke(JsonDocument.Parse(json).RootElement.Clone());

        Assert.Equal(verb, form.Verb);
        Assert.False(form.IsValid);
        Assert.Equal(FormReader.EmptyAnswerMessage, form.Errors[FormReader.FormErrorKey]);
    }
}
