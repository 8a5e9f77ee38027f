using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>Writes a time as the "HH:mm" that Input.Time uses; reads "HH:mm" or "HH:mm:ss".</summary>
internal sealed class TimeOfDayJsonConverter : JsonConverter<TimeOnly?>
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss"];

    public override TimeOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        if (TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new JsonException("A time must be written as HH:mm.");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
