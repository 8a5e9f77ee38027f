using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>Makes Teams ask the bot for an up-to-date card (by invoking <see cref="Action"/>) when the card is shown.</summary>
public sealed class CardRefresh
{
    /// <summary>The Action.Execute invoked automatically.</summary>
    [JsonIgnore]
    public ExecuteAction? Action { get; set; }

    // Declared as the base type so the serializer writes (and on read requires) "type": "Action.Execute".
    [JsonInclude]
    [JsonPropertyName("action")]
    internal AdaptiveAction? PolymorphicAction
    {
        get => Action;
        set => Action = value switch
        {
            null => null,
            ExecuteAction execute => execute,
            _ => throw new JsonException("A refresh action must be an Action.Execute."),
        };
    }

    /// <summary>The Teams user ids (MRIs) for whom Teams refreshes automatically; Teams allows up to 60.</summary>
    public IList<string>? UserIds { get; set; }
}
