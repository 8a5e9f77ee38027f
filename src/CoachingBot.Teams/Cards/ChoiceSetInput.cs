namespace CoachingBot.Teams.Cards;

/// <summary>A list of options (Input.ChoiceSet); a multi-select set submits the chosen values joined by commas.</summary>
public sealed class ChoiceSetInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public ChoiceSetInput()
    {
    }

    /// <summary>A field with its id and label.</summary>
    public ChoiceSetInput(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>The options.</summary>
    public IList<Choice> Choices { get; set; } = [];

    /// <summary>True lets the user pick several.</summary>
    public bool? IsMultiSelect { get; set; }

    /// <summary>Drop-down, expanded radio buttons or check boxes, or a filtered drop-down.</summary>
    public ChoiceInputStyle? Style { get; set; }

    /// <summary>The initial selection: one value, or values joined by commas.</summary>
    public string? Value { get; set; }

    /// <summary>Hint text shown while nothing is chosen (compact style).</summary>
    public string? Placeholder { get; set; }

    /// <summary>True lets long choice titles wrap.</summary>
    public bool? Wrap { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) => Value = value;
}
