using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Writes an enum as the string in its members' <see cref="JsonStringEnumMemberNameAttribute"/> and reads it ignoring case, as
/// the schema does ("Bolder" and "bolder" are the same); the framework's converter matches custom names exactly.
/// </summary>
internal sealed class CardEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(
            field => (TEnum)field.GetValue(null)!,
            field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);

    private static readonly Dictionary<string, TEnum> Values =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Values.TryGetValue(reader.GetString()!, out var value))
        {
            return value;
        }

        throw new JsonException($"Not a {typeof(TEnum).Name}: expected one of {string.Join(", ", Names.Values)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not a {typeof(TEnum).Name}."));
}
