using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachingBot.Storage;

/// <summary>How the JSON columns of <see cref="CoachingConversationRecord"/> are written and read.</summary>
internal static class CoachingConversationJson
{
    /// <summary>
    /// camelCase properties; dictionary keys (stage and factor ids) exactly as given. Non-ASCII text is kept as is:
    /// the JSON goes to the database, never into a web page, and escaping would triple the size of most scripts.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a column; a JSON <c>null</c> gives <paramref name="whenNull"/>.</summary>
    /// <exception cref="InvalidOperationException">The column does not hold a <typeparamref name="T"/>; names the row and column, not the text.</exception>
    public static T Deserialize<T>(string json, Guid conversationId, string column, T whenNull)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? whenNull;
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException(
                $"Coaching conversation {conversationId} has an unreadable {column} column (at {exception.Path}, byte {exception.BytePositionInLine}).",
                exception);
        }
    }
}
