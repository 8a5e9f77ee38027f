namespace CoachingBot.Teams.Cards;

/// <summary>A two-column table of titles and values, such as a goal's target date and confidence.</summary>
public sealed class FactSet : CardElement
{
    /// <summary>The rows.</summary>
    public IList<Fact> Facts { get; set; } = [];
}
