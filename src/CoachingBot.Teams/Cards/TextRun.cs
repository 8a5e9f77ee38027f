using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>A run of text with its own formatting inside a <see cref="RichTextBlock"/>; Markdown is not applied.</summary>
public sealed class TextRun
{
    /// <summary>An empty run, for the serializer.</summary>
    public TextRun()
    {
    }

    /// <summary>A run showing <paramref name="text"/>.</summary>
    public TextRun(string text) => Text = text;

#pragma warning disable CA1822 // An instance property, so the serializer writes it.
    /// <summary>Always "TextRun".</summary>
    [JsonPropertyOrder(-2)]
    public string Type => "TextRun";
#pragma warning restore CA1822

    /// <summary>The text.</summary>
    public string? Text { get; set; }

    /// <summary>Font weight.</summary>
    public TextWeight? Weight { get; set; }

    /// <summary>True for italics.</summary>
    public bool? Italic { get; set; }

    /// <summary>Colour.</summary>
    public TextColor? Color { get; set; }
}
