using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Anything placed in a card's body or a container. Only elements Teams renders at schema 1.5 are modelled;
/// the "type" property is written first and chooses the class on read. It is written when the declared type is
/// <see cref="CardElement"/> (as in a card's body), not when a single element is serialized as its own class.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract class CardElement
{
    private protected CardElement()
    {
    }

    /// <summary>An id; required for inputs, whose id names the field in the submitted data.</summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }

    /// <summary>Space above the element.</summary>
    public Spacing? Spacing { get; set; }

    /// <summary>Draws a line above the element.</summary>
    public bool? Separator { get; set; }

    /// <summary>False hides the element until an action toggles it.</summary>
    public bool? IsVisible { get; set; }
}
