using System.Globalization;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>A time picker (Input.Time); times are written and submitted as HH:mm.</summary>
public sealed class TimeInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public TimeInput()
    {
    }

    /// <summary>A field with its id and label.</summary>
    public TimeInput(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>The earliest time offered.</summary>
    [JsonConverter(typeof(TimeOfDayJsonConverter))]
    public TimeOnly? Min { get; set; }

    /// <summary>The latest time offered.</summary>
    [JsonConverter(typeof(TimeOfDayJsonConverter))]
    public TimeOnly? Max { get; set; }

    /// <summary>The initial time.</summary>
    [JsonConverter(typeof(TimeOfDayJsonConverter))]
    public TimeOnly? Value { get; set; }

    /// <summary>Hint text shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) =>
        Value = TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : null;
}
