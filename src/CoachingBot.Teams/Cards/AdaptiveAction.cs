using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>A button, or the action of a clickable element. "type" is written first and chooses the class on read.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract class AdaptiveAction
{
    private protected AdaptiveAction()
    {
    }

    /// <summary>An id, unique in the card.</summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }

    /// <summary>The button's text.</summary>
    public string? Title { get; set; }

    /// <summary>Positive for the main button, destructive for delete or cancel.</summary>
    public ActionStyle? Style { get; set; }
}
