using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class TurnTextTests
{
    internal static Mention BotMention(string text = "<at>CoachingBot</at>") => new()
    {
        Type = Mention.EntityType,
        Text = text,
        Mentioned = new ChannelAccount { Id = DialogTestHost.BotId, Name = "CoachingBot" },
    };

    private static Mention PersonMention(string text) => new()
    {
        Type = Mention.EntityType,
        Text = text,
        Mentioned = new ChannelAccount { Id = "29:person", Name = "Ann" },
    };

    [Theory]
    [InlineData("<at>CoachingBot</at> hello  world", true, false, "hello world")]
    [InlineData("hello <at>CoachingBot</at>", true, false, "hello")]
    [InlineData("<at>CoachingBot</at>yes", true, false, "yes")]
    [InlineData("<at>CoachingBot</at> ask <at>Ann</at> now", true, true, "ask <at>Ann</at> now")] // only the bot's mention goes
    [InlineData("<at>CoachingBot</at> hello", false, false, "<at>CoachingBot</at> hello")] // no entity: markup is left as typed
    [InlineData("  \t hello \r\n there  ", false, false, "hello there")]
    [InlineData("", false, false, "")]
    [InlineData(null, true, false, "")]
    public void Normalize_RemovesTheBotsMentionAndCollapsesWhitespace(string? text, bool mentionsBot, bool mentionsAnn, string expected)
    {
        var entities = new List<Entity>();
        if (mentionsBot)
        {
            entities.Add(BotMention());
        }

        if (mentionsAnn)
        {
            entities.Add(PersonMention("<at>Ann</at>"));
        }

        var activity = new Activity
        {
            Text = text,
            Recipient = new ChannelAccount { Id = DialogTestHost.BotId },
            Entities = entities,
        };

        Assert.Equal(expected, TurnText.Normalize(activity));
    }

    [Fact]
    public void Normalize_UsesMentionEntities_AsTheyArriveInTheWireJson()
    {
        var activity = BotJson.Deserialize<Activity>("""
            {
              "type": "message",
              "text": "<at>Coaching Bot</at> 3 ",
              "recipient": { "id": "28:bot-app-id", "name": "Coaching Bot" },
              "entities": [
                { "type": "clientInfo", "locale": "en-GB", "timezone": "Europe/London" },
                { "type": "mention", "text": "<at>Coaching Bot</at>", "mentioned": { "id": "28:bot-app-id", "name": "Coaching Bot" } }
              ]
            }
            """)!;

        Assert.Equal("3", TurnText.Normalize(activity));
    }

    [Theory]
    [InlineData("  first line  \n  second   line ", "first line\nsecond line")]
    [InlineData("para one\r\n\r\n\r\n\r\npara two", "para one\n\npara two")]
    [InlineData("<at>CoachingBot</at>\nmy reflection", "my reflection")]
    public void Normalize_KeepsLineBreaks_WhenAsked(string text, string expected)
    {
        var activity = new Activity { Text = text, Recipient = new ChannelAccount { Id = DialogTestHost.BotId }, Entities = [BotMention()] };

        Assert.Equal(expected, TurnText.Normalize(activity, keepLineBreaks: true));
    }
}
