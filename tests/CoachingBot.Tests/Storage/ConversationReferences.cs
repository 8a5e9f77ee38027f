using CoachingBot.Teams.Schema;

namespace CoachingBot.Tests.Storage;

/// <summary>Conversation references as Teams sends them, including fields this project does not model.</summary>
internal static class ConversationReferences
{
    public const string PersonalJson = """
        {
          "activityId": "1700000000000",
          "user": { "id": "29:user-1", "name": "Ada Client", "aadObjectId": "aad-user-1", "x-user-extra": "keep me" },
          "bot": { "id": "28:bot-1", "name": "Coach Bot" },
          "conversation": {
            "id": "a:personal-1",
            "conversationType": "personal",
            "tenantId": "tenant-1",
            "x-conversation-extra": { "nested": [1, 2, 3], "text": "é ✓" }
          },
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "locale": "en-GB",
          "x-top-level": { "flag": true, "count": 2 }
        }
        """;

    public static ConversationReference Personal(string conversationId = "a:personal-1", string? activityId = null)
    {
        var reference = BotJson.Deserialize<ConversationReference>(PersonalJson)!;
        reference.Conversation!.Id = conversationId;
        reference.ActivityId = activityId ?? reference.ActivityId;
        return reference;
    }

    public static ConversationReference GroupChat(string conversationId = "19:group-1@thread.v2") => new()
    {
        ActivityId = "1700000000001",
        User = new ChannelAccount { Id = "29:someone", Name = "Whoever Spoke", AadObjectId = "aad-someone" },
        Bot = new ChannelAccount { Id = "28:bot-1", Name = "Coach Bot" },
        Conversation = new ConversationAccount
        {
            Id = conversationId,
            ConversationType = ConversationTypes.GroupChat,
            IsGroup = true,
            TenantId = "tenant-1",
        },
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
    };
}
