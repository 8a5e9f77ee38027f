namespace CoachingBot.Teams.Cards;

/// <summary>Text, with a subset of Markdown (bold, italic, lists, links).</summary>
public sealed class TextBlock : CardElement
{
    /// <summary>An empty text block, for the serializer.</summary>
    public TextBlock()
    {
    }

    /// <summary>A text block showing <paramref name="text"/>, wrapped.</summary>
    public TextBlock(string text)
    {
        Text = text;
        Wrap = true;
    }

    /// <summary>The text; Teams refuses a card whose text block has none.</summary>
    public string? Text { get; set; }

    /// <summary>True lets long text run onto more lines; otherwise it is cut with an ellipsis.</summary>
    public bool? Wrap { get; set; }

    /// <summary>Font weight.</summary>
    public TextWeight? Weight { get; set; }

    /// <summary>Font size.</summary>
    public TextSize? Size { get; set; }

    /// <summary>Colour.</summary>
    public TextColor? Color { get; set; }

    /// <summary>True draws the text fainter, for secondary information.</summary>
    public bool? IsSubtle { get; set; }

    /// <summary>Horizontal placement.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }

    /// <summary>The most lines shown when wrapping.</summary>
    public int? MaxLines { get; set; }
}
