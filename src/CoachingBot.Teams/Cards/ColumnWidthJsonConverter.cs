using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Teams.Cards;

/// <summary>Writes a weight as a JSON number and the other widths as strings.</summary>
internal sealed class ColumnWidthJsonConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var weight) && weight > 0 => ColumnWidth.Weighted(weight),
            JsonTokenType.Number => ColumnWidth.Parse(reader.GetDouble().ToString(CultureInfo.InvariantCulture)),
            JsonTokenType.String => ColumnWidth.Parse(reader.GetString()!),
            _ => throw new JsonException("A column width must be a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Weight is { } weight)
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
