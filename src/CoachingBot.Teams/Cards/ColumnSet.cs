namespace CoachingBot.Teams.Cards;

/// <summary>Columns side by side; on a narrow screen Teams keeps them side by side, so keep them few.</summary>
public sealed class ColumnSet : CardElement
{
    /// <summary>The columns, left to right.</summary>
    public IList<Column> Columns { get; set; } = [];

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>An action run when the set is clicked.</summary>
    public AdaptiveAction? SelectAction { get; set; }
}
