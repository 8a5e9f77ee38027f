using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Action.Submit: Teams sends a message activity whose <c>value</c> is <see cref="Data"/> merged with the inputs' values.
/// The card stays as it is; the bot replies or updates it separately.
/// </summary>
public sealed class SubmitAction : AdaptiveAction
{
    /// <summary>An empty action, for the serializer.</summary>
    public SubmitAction()
    {
    }

    /// <summary>A button with its title and the fields sent back besides the inputs.</summary>
    public SubmitAction(string title, JsonObject? data = null)
    {
        Title = title;
        Data = data;
    }

    /// <summary>Fields sent back with the inputs, such as which action was chosen and which card it came from.</summary>
    public JsonNode? Data { get; set; }

    /// <summary>None for buttons, such as Cancel, that must not require or validate the inputs.</summary>
    public AssociatedInputs? AssociatedInputs { get; set; }

    /// <summary>
    /// A button that posts <paramref name="value"/> as if the user had typed it (Teams' imBack), so the chat shows the
    /// answer and a text prompt can take it.
    /// </summary>
    public static SubmitAction ImBack(string title, string value) => new()
    {
        Title = title,
        Data = new JsonObject
        {
            ["msteams"] = new JsonObject
            {
                ["type"] = "imBack",
                ["value"] = value,
            },
        },
    };
}
