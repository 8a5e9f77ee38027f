using System.Globalization;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// A column's width: "auto" (fits its content), "stretch" (shares what is left), a relative weight
/// (written as a JSON number) or a fixed width in pixels ("50px").
/// </summary>
[JsonConverter(typeof(ColumnWidthJsonConverter))]
public readonly record struct ColumnWidth
{
    private readonly string? _text;

    private ColumnWidth(string text) => _text = text;

    /// <summary>The width as the schema writes it; a weight is its number as text.</summary>
    public string Text => _text ?? "auto";

    /// <summary>The relative weight, when this is a weighted width.</summary>
    public int? Weight => int.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) ? weight : null;

    /// <summary>As wide as the content.</summary>
    public static ColumnWidth Auto { get; } = new("auto");

    /// <summary>Shares the remaining width with the other stretch columns.</summary>
    public static ColumnWidth Stretch { get; } = new("stretch");

    /// <summary>A share of the width in proportion to the other weighted columns.</summary>
    public static ColumnWidth Weighted(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return new(weight.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A fixed width.</summary>
    public static ColumnWidth Pixels(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        return new(pixels.ToString(CultureInfo.InvariantCulture) + "px");
    }

    /// <summary>Takes a width as written in a card; unknown text is kept as it is.</summary>
    public static ColumnWidth Parse(string text) => new(text.Trim());

    /// <inheritdoc/>
    public override string ToString() => Text;
}
