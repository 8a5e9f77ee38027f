using System.Text.Json;
using System.Text.Json.Serialization;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Cards;

/// <summary>An Adaptive Card as Teams renders it: schema 1.5 or lower.</summary>
public sealed class AdaptiveCard : IJsonOnDeserializing
{
    /// <summary>The schema link written in "$schema".</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The highest schema version Teams renders.</summary>
    public const string TeamsVersion = "1.5";

#pragma warning disable CA1822 // An instance property, so the serializer writes it.
    /// <summary>Always "AdaptiveCard".</summary>
    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";
#pragma warning restore CA1822

    /// <summary>The schema link; editors use it, Teams ignores it.</summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string? Schema { get; set; } = SchemaUrl;

    /// <summary>
    /// The schema version the card needs; a host that renders a lower one shows <see cref="FallbackText"/>. Null for a
    /// card inside <see cref="ShowCardAction"/>, which takes its version from the card around it.
    /// </summary>
    public string? Version { get; set; } = TeamsVersion;

    /// <summary>The elements, top to bottom.</summary>
    public IList<CardElement> Body { get; set; } = [];

    /// <summary>The buttons at the foot of the card.</summary>
    public IList<AdaptiveAction>? Actions { get; set; }

    /// <summary>Asks Teams to fetch a fresh card when it is shown (needs version 1.4 or later).</summary>
    public CardRefresh? Refresh { get; set; }

    /// <summary>Teams-only settings such as full width.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; set; }

    /// <summary>Text shown where the card cannot be rendered, and in notifications.</summary>
    public string? FallbackText { get; set; }

    /// <summary>The card's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);

    /// <summary>The card as a JSON tree.</summary>
    public JsonElement ToElement() => JsonSerializer.SerializeToElement(this, CardJson.Options);

    /// <summary>Reads a card; throws <see cref="JsonException"/> on malformed JSON or an element type Teams does not render.</summary>
    public static AdaptiveCard FromJson(string json) =>
        Read(() => JsonSerializer.Deserialize<AdaptiveCard>(json, CardJson.Options));

    /// <summary>Reads a card from a JSON tree, as found in an attachment's content or an invoke; throws as <see cref="FromJson"/>.</summary>
    public static AdaptiveCard FromElement(JsonElement element) =>
        Read(() => element.Deserialize<AdaptiveCard>(CardJson.Options));

    private static AdaptiveCard Read(Func<AdaptiveCard?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new JsonException("The JSON is null, not a card.");
        }
        catch (NotSupportedException e)
        {
            // The serializer reports an element or action without "type" as an abstract class it cannot create.
            throw new JsonException("An element or action has no \"type\".", e);
        }
    }

    /// <summary>A deep copy, so a shared template can be filled in without changing it.</summary>
    public AdaptiveCard Clone() => FromElement(ToElement());

    // A card read without "$schema" (a nested Action.ShowCard card) must not gain one when written again.
    void IJsonOnDeserializing.OnDeserializing() => Schema = null;

    /// <summary>The card as a message attachment; the card itself is the content, written when the activity is sent.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = this,
    };
}
