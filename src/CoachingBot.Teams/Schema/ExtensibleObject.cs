using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Schema;

/// <summary>
/// A protocol object that keeps the fields this library does not model, so that a read followed by a write
/// loses nothing Teams sent.
/// </summary>
public abstract class ExtensibleObject
{
    /// <summary>Fields present in the JSON that have no property here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
