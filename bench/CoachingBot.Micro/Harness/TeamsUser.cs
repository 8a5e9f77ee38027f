using System.Globalization;
using System.Text.Json;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Micro.Harness;

/// <summary>One person in a personal chat with the bot, writing activities the way Teams delivers them.</summary>
internal sealed class TeamsUser
{
    public const string BotId = "28:coachingbot-micro";
    public const string TenantId = "72f988bf-0000-0000-0000-00000000beef";

    private int _sequence;

    public string ConversationId { get; } = "a:1" + Guid.NewGuid().ToString("N");

    public string UserId { get; } = "29:1micro-" + Guid.NewGuid().ToString("N")[..10];

    public Activity Install()
    {
        var activity = New(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [new ChannelAccount { Id = BotId, Name = "CoachingBot" }];
        return activity;
    }

    public Activity Message(string text)
    {
        var activity = New(ActivityTypes.Message);
        activity.Text = text;
        activity.TextFormat = TextFormats.Plain;
        return activity;
    }

    /// <summary>An Action.Submit: the card's inputs in <c>value</c>, no text, in reply to the card's message.</summary>
    public Activity Submit(object values, string? cardActivityId)
    {
        var activity = New(ActivityTypes.Message);
        activity.Value = JsonSerializer.SerializeToElement(values, BotJson.Options);
        activity.ReplyToId = cardActivityId;
        return activity;
    }

    private Activity New(string type) => new()
    {
        Type = type,
        Id = "1" + Interlocked.Increment(ref _sequence).ToString("D12", CultureInfo.InvariantCulture),
        ChannelId = "msteams",
        ServiceUrl = BotHarness.ServiceUrl,
        Timestamp = TimeProvider.System.GetUtcNow(),
        From = new ChannelAccount { Id = UserId, Name = "Ana Client", AadObjectId = "6b3f0d2e-0000-4000-8000-00000000a11a" },
        Recipient = new ChannelAccount { Id = BotId, Name = "CoachingBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationTypes.Personal, TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
        Entities = [new ClientInfo { Type = ClientInfo.EntityType, Locale = "en-GB", Country = "GB", Platform = "Web", Timezone = "Europe/London" }],
        Locale = "en-GB",
        LocalTimezone = "Europe/London",
    };
}
