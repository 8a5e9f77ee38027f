using System.Text;
using CoachingBot.Sessions;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Micro;

/// <summary>The activities the JSON benchmarks read and write.</summary>
public enum ActivityKind
{
    /// <summary>A text message from a personal chat, with the entities and channel data Teams adds.</summary>
    Message,
    /// <summary>An Action.Submit from the goal card: no text, the inputs in <c>value</c>.</summary>
    CardSubmit,
    /// <summary>An <c>adaptiveCard/action</c> invoke (Action.Execute).</summary>
    Invoke,
    /// <summary>The bot's reply carrying the goal card as an attachment.</summary>
    CardReply,
}

/// <summary>Activities shaped as Teams sends them (field for field, values made up).</summary>
internal static class ActivitySamples
{
    private const string Common = """
          "timestamp": "2026-12-03T09:41:27.5071842Z",
          "localTimestamp": "2026-12-03T09:41:27.5071842+00:00",
          "localTimezone": "Europe/London",
          "serviceUrl": "https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/",
          "channelId": "msteams",
          "from": {
            "id": "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWl8w",
            "name": "Ana Client",
            "aadObjectId": "6b3f0d2e-51c4-4f0a-9d1e-0c9b2f4a711a"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "id": "a:1Qa2P0eGvxJfJd6kGqTNEGnYx9S3wMdVqoGZr6x8bTrR5yq1Yl7eBqMXn4TcKLwRp0tk3GQfZ8sUv2Hh5NJo1dm"
          },
          "recipient": {
            "id": "28:8c4e1f10-4b7a-4f0c-9a0e-5f1d2c3b4a59",
            "name": "CoachingBot"
          },
          "entities": [
            {
              "locale": "en-GB",
              "country": "GB",
              "platform": "Web",
              "timezone": "Europe/London",
              "type": "clientInfo"
            }
          ],
          "channelData": {
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" }
          },
          "locale": "en-GB"
        """;

    public static readonly string Message = $$"""
        {
          "text": "Morale is low since the reorganisation was announced, and I keep putting off the hard conversations with two people in my team",
          "textFormat": "plain",
          "attachments": [
            { "contentType": "text/html", "content": "<p>Morale is low since the reorganisation was announced, and I keep putting off the hard conversations with two people in my team</p>" }
          ],
          "type": "message",
          "id": "1764754887507",
        {{Common}}
        }
        """;

    public static readonly string CardSubmit = $$"""
        {
          "type": "message",
          "id": "1764754901234",
          "replyToId": "1764754890012",
          "value": {
            "card": "goal",
            "goal": "Lead my team through the reorganisation with confidence",
            "specific": "Run the change meetings myself",
            "measure": "Team survey confidence score up by 10 points",
            "achievable": "",
            "relevant": "The reorganisation starts in April",
            "targetDate": "2027-04-02"
          },
        {{Common}}
        }
        """;

    public static readonly string Invoke = $$"""
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "id": "f:4f2a6f0e-3c55-2b8e-1d0c-8a6b3a9e7c21",
          "replyToId": "1764754890012",
          "value": {
            "action": {
              "type": "Action.Execute",
              "title": "Done",
              "verb": "actionDone",
              "data": { "card": "actionList", "actionId": "3d1e4b8a-0c6f-4e3a-9a51-7f0e2b6c8d94" }
            },
            "trigger": "manual"
          },
        {{Common}}
        }
        """;

    /// <summary>The reply as the bot builds it: the goal card object graph, not yet JSON.</summary>
    public static Activity CardReply()
    {
        var inbound = BotJson.Deserialize<Activity>(Message)!;
        var reply = inbound.CreateReply();
        var view = new CardFormView(new Dictionary<string, string>(), new Dictionary<string, string>(), new CardFormPromptOptions());
        reply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = GoalCard.Form(view) }];
        return reply;
    }

    public static byte[] Utf8(ActivityKind kind) => kind switch
    {
        ActivityKind.Message => Encoding.UTF8.GetBytes(Message),
        ActivityKind.CardSubmit => Encoding.UTF8.GetBytes(CardSubmit),
        ActivityKind.Invoke => Encoding.UTF8.GetBytes(Invoke),
        ActivityKind.CardReply => Encoding.UTF8.GetBytes(BotJson.Serialize(CardReply())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
