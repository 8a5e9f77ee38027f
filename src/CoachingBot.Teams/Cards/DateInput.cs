using System.Globalization;

namespace CoachingBot.Teams.Cards;

/// <summary>A date picker (Input.Date); dates are written and submitted as yyyy-MM-dd.</summary>
public sealed class DateInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public DateInput()
    {
    }

    /// <summary>A field with its id and label.</summary>
    public DateInput(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>The earliest date offered.</summary>
    public DateOnly? Min { get; set; }

    /// <summary>The latest date offered.</summary>
    public DateOnly? Max { get; set; }

    /// <summary>The initial date.</summary>
    public DateOnly? Value { get; set; }

    /// <summary>Hint text shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) =>
        Value = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
}
