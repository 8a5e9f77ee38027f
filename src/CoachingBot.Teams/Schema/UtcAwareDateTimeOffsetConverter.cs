using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Schema;

/// <summary>
/// Writes a zero offset as <c>Z</c>, as the Bot Connector does, so a timestamp read and written again keeps its form.
/// </summary>
internal sealed class UtcAwareDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
