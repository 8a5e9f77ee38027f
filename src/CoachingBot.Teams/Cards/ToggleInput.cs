namespace CoachingBot.Teams.Cards;

/// <summary>A check box (Input.Toggle). It submits <see cref="ValueOn"/> or <see cref="ValueOff"/> as text.</summary>
public sealed class ToggleInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public ToggleInput()
    {
    }

    /// <summary>A check box with its id and the text beside it.</summary>
    public ToggleInput(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>The text beside the check box.</summary>
    public string? Title { get; set; }

    /// <summary>The initial state: <see cref="ValueOn"/> for ticked.</summary>
    public string? Value { get; set; }

    /// <summary>What is submitted when ticked; written explicitly so the reader never depends on a host default.</summary>
    public string? ValueOn { get; set; } = "true";

    /// <summary>What is submitted when not ticked.</summary>
    public string? ValueOff { get; set; } = "false";

    /// <summary>True lets a long title wrap.</summary>
    public bool? Wrap { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) => Value = value;
}
