using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>
/// Renders what the bot sent as short lines for transcript tables: a message's text, and for an Adaptive Card
/// <c>[card: text | inputId=value | buttons: A, B]</c>, body in order.
/// </summary>
internal static class Transcript
{
    public static string Render(IEnumerable<Activity> replies) => string.Join(" / ", replies.Select(Render));

    public static string Render(Activity reply)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(reply.Text))
        {
            parts.Add(reply.Text);
        }

        foreach (var attachment in reply.Attachments ?? [])
        {
            parts.Add(RenderCard(CardJson(attachment)));
        }

        return string.Join(" ", parts);
    }

    public static JsonObject CardJson(Attachment attachment) =>
        JsonNode.Parse(JsonSerializer.Serialize(attachment.Content, attachment.Content?.GetType() ?? typeof(object), BotJson.Options))!.AsObject();

    private static string RenderCard(JsonObject card)
    {
        var body = Descendants(card["body"]).Select(RenderElement).OfType<string>();
        var buttons = Descendants(card).Where(node => node["type"]?.GetValue<string>()?.StartsWith("Action.", StringComparison.Ordinal) == true)
            .Select(node => node["title"]!.GetValue<string>());
        return $"[card: {string.Join(" | ", body.Append($"buttons: {string.Join(", ", buttons)}"))}]";
    }

    private static string? RenderElement(JsonObject element) => element["type"]?.GetValue<string>() switch
    {
        "TextBlock" => element["text"]!.GetValue<string>(),
        { } type when type.StartsWith("Input.", StringComparison.Ordinal) => $"{element["id"]}={element["value"]}",
        _ => null,
    };

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }
}
