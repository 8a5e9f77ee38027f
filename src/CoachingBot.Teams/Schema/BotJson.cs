using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Schema;

/// <summary>The JSON settings of the Bot Connector protocol: camelCase names, nulls left out.</summary>
public static class BotJson
{
    /// <summary>Options for reading and writing protocol objects.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Teams sends some numbers as strings and vice versa in older payloads; be lenient on read.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            MaxDepth = 64,
            // The body goes to an API, never into HTML: keep <at> mentions and quotes readable and the payload small.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcAwareDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes a protocol object.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes a protocol object; throws <see cref="JsonException"/> on malformed input.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>Turns any object into a <see cref="JsonElement"/> with the protocol's settings.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
