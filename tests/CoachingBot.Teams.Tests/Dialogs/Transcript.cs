using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>
/// Renders what the bot sent as short lines for transcript tables: a message's text, and for an Adaptive Card
/// <c>[card: body texts | buttons: A, B]</c>.
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
        var texts = Descendants(card["body"]).Where(node => node["type"]?.GetValue<string>() == "TextBlock")
            .Select(node => node["text"]!.GetValue<string>());
        var buttons = Descendants(card["actions"]).Where(node => node["title"] is not null)
            .Select(node => node["title"]!.GetValue<string>());
        return $"[card: {string.Join(" | ", texts)} | buttons: {string.Join(", ", buttons)}]";
    }

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
