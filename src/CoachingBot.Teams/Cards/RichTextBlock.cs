namespace CoachingBot.Teams.Cards;

/// <summary>A paragraph made of separately formatted runs, such as a label in bold followed by plain text.</summary>
public sealed class RichTextBlock : CardElement
{
    /// <summary>The runs, in order.</summary>
    public IList<TextRun> Inlines { get; set; } = [];

    /// <summary>Horizontal placement.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }
}
