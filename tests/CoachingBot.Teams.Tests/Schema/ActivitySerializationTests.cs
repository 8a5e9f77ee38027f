using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Schema;

public sealed class ActivitySerializationTests
{
    // A message as Teams sends it in a group chat, with fields this library does not model at several depths.
    private const string TeamsGroupMessage = """
        {
          "text": "<at>CoachingBot</at> grow",
          "textFormat": "plain",
          "attachments": [{ "contentType": "text/html", "content": "<div><at>CoachingBot</at> grow</div>" }],
          "type": "message",
          "timestamp": "2026-03-01T09:15:30.123Z",
          "localTimestamp": "2026-03-01T10:15:30.123+01:00",
          "id": "1740820530123",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1abc", "name": "Ana Client", "aadObjectId": "6f1c0c2e-1111-4d5b-9c1e-000000000001", "futureField": 1 },
          "conversation": { "isGroup": true, "conversationType": "groupChat", "tenantId": "tenant-1", "id": "19:meeting_abc@thread.v2" },
          "recipient": { "id": "28:bot-app-id", "name": "CoachingBot" },
          "entities": [
            { "mentioned": { "id": "28:bot-app-id", "name": "CoachingBot" }, "text": "<at>CoachingBot</at>", "type": "mention" },
            { "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/London", "type": "clientInfo" }
          ],
          "channelData": { "tenant": { "id": "tenant-1" }, "source": { "name": "message" }, "legacy": { "replyToId": "x" } },
          "locale": "en-GB",
          "localTimezone": "Europe/London",
          "unknownTopLevel": { "nested": [1, 2, { "deep": true }] }
        }
        """;

    [Fact]
    public void RoundTrip_KeepsEveryField_WhenTeamsSendsFieldsWeDoNotModel()
    {
        var activity = BotJson.Deserialize<Activity>(TeamsGroupMessage)!;
        var written = JsonNode.Parse(BotJson.Serialize(activity));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsGroupMessage), written), written!.ToJsonString());
    }

    [Fact]
    public void Deserialize_ReadsTypedFields_WhenTeamsGroupMessage()
    {
        var activity = BotJson.Deserialize<Activity>(TeamsGroupMessage)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("19:meeting_abc@thread.v2", activity.Conversation!.Id);
        Assert.Equal(ConversationTypes.GroupChat, activity.Conversation.ConversationType);
        Assert.Equal("tenant-1", activity.GetTenantId());
        Assert.False(activity.IsPersonalChat());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 15, 30, 123, TimeSpan.FromHours(1)), activity.LocalTimestamp);
        var mention = activity.Entities!.Single(e => e.Type == Mention.EntityType).As<Mention>()!;
        Assert.Equal("28:bot-app-id", mention.Mentioned!.Id);
        Assert.Equal("<at>CoachingBot</at>", mention.Text);
        var clientInfo = activity.Entities!.Single(e => e.Type == ClientInfo.EntityType).As<ClientInfo>()!;
        Assert.Equal("Europe/London", clientInfo.Timezone);
        Assert.Equal("Web", clientInfo.Platform);
    }

    [Fact]
    public void Deserialize_KeepsSubmitDataAsJson_WhenCardSubmit()
    {
        var activity = BotJson.Deserialize<Activity>("""
            { "type": "message", "replyToId": "card-1", "value": { "goal": "Lead the team", "confidence": "7" } }
            """)!;

        Assert.Null(activity.Text);
        Assert.Equal(JsonValueKind.Object, activity.Value!.Value.ValueKind);
        Assert.Equal("7", activity.Value.Value.GetProperty("confidence").GetString());
    }

    [Fact]
    public void Serialize_LeavesOutNulls_AndUsesCamelCase()
    {
        var json = BotJson.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi", ReplyToId = "5" });
        Assert.Equal("""{"type":"message","text":"hi","replyToId":"5"}""", json);
    }

    [Fact]
    public void CreateReply_AddressesSenderFromBot_InSameConversation()
    {
        var inbound = BotJson.Deserialize<Activity>(TeamsGroupMessage)!;
        var reply = inbound.CreateReply("Hello");

        Assert.Equal("28:bot-app-id", reply.From!.Id);
        Assert.Equal("29:1abc", reply.Recipient!.Id);
        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal("Hello", reply.Text);
        Assert.Null(reply.Conversation.AdditionalProperties);
    }

    [Fact]
    public void GetConversationReference_CarriesWhatProactiveSendsNeed()
    {
        var inbound = BotJson.Deserialize<Activity>(TeamsGroupMessage)!;
        var reference = inbound.GetConversationReference();

        Assert.Equal(inbound.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(inbound.Conversation!.Id, reference.Conversation!.Id);
        Assert.Equal("29:1abc", reference.User!.Id);
        Assert.Equal("28:bot-app-id", reference.Bot!.Id);
        Assert.Equal("msteams", reference.ChannelId);
    }

    [Theory]
    [InlineData("""{"type":"message","conversation":{"id":"a:1","conversationType":"personal"}}""", true)]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"}}""", true)]
    [InlineData("""{"type":"message","conversation":{"id":"19:x","conversationType":"groupChat","isGroup":true}}""", false)]
    [InlineData("""{"type":"message","conversation":{"id":"19:x","conversationType":"channel","isGroup":true}}""", false)]
    public void IsPersonalChat_ReadsConversationType(string json, bool personal) =>
        Assert.Equal(personal, BotJson.Deserialize<Activity>(json)!.IsPersonalChat());

    [Theory]
    [InlineData("{")]
    [InlineData("""{"type": 5}""")]
    [InlineData("""{"conversation": "not-an-object"}""")]
    [InlineData("""{"timestamp": "yesterday"}""")]
    public void Deserialize_Throws_WhenJsonMalformedOrWronglyTyped(string json) =>
        Assert.ThrowsAny<JsonException>(() => BotJson.Deserialize<Activity>(json));
}

public sealed class EntitySerializationTests
{
    [Fact]
    public void Serialize_WritesMentionFields_WhenMentionIsInTheEntityList()
    {
        var activity = new Activity
        {
            Entities = [new Mention { Type = Mention.EntityType, Mentioned = new ChannelAccount { Id = "28:bot" }, Text = "<at>Bot</at>" }],
        };

        var read = BotJson.Deserialize<Activity>(BotJson.Serialize(activity))!;
        var mention = read.Entities!.Single().As<Mention>()!;

        Assert.Equal("28:bot", mention.Mentioned!.Id);
        Assert.Equal("<at>Bot</at>", mention.Text);
    }
}
