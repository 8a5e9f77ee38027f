using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Action.Execute (Universal Actions, schema 1.4 and later): Teams sends an <c>adaptiveCard/action</c> invoke that the bot
/// answers in the HTTP response, usually with a replacement card.
/// </summary>
public sealed class ExecuteAction : AdaptiveAction
{
    /// <summary>An empty action, for the serializer.</summary>
    public ExecuteAction()
    {
    }

    /// <summary>A button with its title and verb.</summary>
    public ExecuteAction(string title, string verb, JsonObject? data = null)
    {
        Title = title;
        Verb = verb;
        Data = data;
    }

    /// <summary>What the bot should do; arrives as <c>action.verb</c> in the invoke.</summary>
    public string? Verb { get; set; }

    /// <summary>Fields sent back with the inputs, in <c>action.data</c>.</summary>
    public JsonNode? Data { get; set; }

    /// <summary>None for buttons that must not require or validate the inputs.</summary>
    public AssociatedInputs? AssociatedInputs { get; set; }
}
