using System.Globalization;

namespace CoachingBot.Teams.Cards;

/// <summary>A number field (Input.Number), such as a confidence rating.</summary>
public sealed class NumberInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public NumberInput()
    {
    }

    /// <summary>A field with its id and label.</summary>
    public NumberInput(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>The smallest value allowed.</summary>
    public double? Min { get; set; }

    /// <summary>The largest value allowed.</summary>
    public double? Max { get; set; }

    /// <summary>The initial value.</summary>
    public double? Value { get; set; }

    /// <summary>Hint text shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) =>
        Value = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) ? number : null;
}
