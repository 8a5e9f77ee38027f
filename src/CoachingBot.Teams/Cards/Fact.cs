namespace CoachingBot.Teams.Cards;

/// <summary>One row of a <see cref="FactSet"/>: a title and its value.</summary>
public sealed class Fact
{
    /// <summary>An empty fact, for the serializer.</summary>
    public Fact()
    {
    }

    /// <summary>A fact with its title and value.</summary>
    public Fact(string title, string value)
    {
        Title = title;
        Value = value;
    }

    /// <summary>The title, drawn in bold.</summary>
    public string? Title { get; set; }

    /// <summary>The value.</summary>
    public string? Value { get; set; }
}
