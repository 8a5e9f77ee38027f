namespace CoachingBot.Teams.Cards;

/// <summary>A text field (Input.Text).</summary>
public sealed class TextInput : CardInput
{
    /// <summary>An empty field, for the serializer.</summary>
    public TextInput()
    {
    }

    /// <summary>A field with its id and label.</summary>
    public TextInput(string id, string label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>Hint text shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    /// <summary>The initial text.</summary>
    public string? Value { get; set; }

    /// <summary>The most characters Teams lets the user type; the server must check again.</summary>
    public int? MaxLength { get; set; }

    /// <summary>True for a multi-line box.</summary>
    public bool? IsMultiline { get; set; }

    /// <summary>A regular expression the text must match before Teams submits it.</summary>
    public string? Regex { get; set; }

    /// <inheritdoc/>
    public override void SetValueFromSubmitted(string? value) => Value = value;
}
