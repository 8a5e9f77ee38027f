namespace CoachingBot.Teams.Cards;

/// <summary>One option of a <see cref="ChoiceSetInput"/>.</summary>
public sealed class Choice
{
    /// <summary>An empty choice, for the serializer.</summary>
    public Choice()
    {
    }

    /// <summary>A choice with the text shown and the value submitted.</summary>
    public Choice(string title, string value)
    {
        Title = title;
        Value = value;
    }

    /// <summary>The text shown.</summary>
    public string? Title { get; set; }

    /// <summary>The value submitted; must not contain a comma in a multi-select set, where values are joined by commas.</summary>
    public string? Value { get; set; }
}
