using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// JSON settings for Adaptive Cards: camelCase, nulls left out, "type" first. The card types carry their own
/// converters as attributes, so a card written inside an activity with the protocol's settings comes out the same.
/// </summary>
public static class CardJson
{
    /// <summary>Options for reading and writing cards.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cards written by hand or by the designer do not always put "type" first.
            AllowOutOfOrderMetadataProperties = true,
            MaxDepth = 64,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
