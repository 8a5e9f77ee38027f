using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>One column of a <see cref="ColumnSet"/>.</summary>
public sealed class Column
{
#pragma warning disable CA1822 // An instance property, so the serializer writes it.
    /// <summary>Always "Column".</summary>
    [JsonPropertyOrder(-2)]
    public string Type => "Column";
#pragma warning restore CA1822

    /// <summary>An id, for toggling visibility.</summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }

    /// <summary>The width; Teams treats a missing width as "stretch".</summary>
    public ColumnWidth? Width { get; set; }

    /// <summary>The elements inside.</summary>
    public IList<CardElement>? Items { get; set; }

    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>Space before the column.</summary>
    public Spacing? Spacing { get; set; }

    /// <summary>Draws a line before the column.</summary>
    public bool? Separator { get; set; }

    /// <summary>An action run when the column is clicked.</summary>
    public AdaptiveAction? SelectAction { get; set; }
}
