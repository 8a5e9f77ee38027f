using System.Text.Json;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class ActivityValidatorTests
{
    private static Activity Valid(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Id = "1",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Conversation = new ConversationAccount { Id = "a:1", TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47" },
        From = new ChannelAccount { Id = "29:user", Name = "Ana Client" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "CoachingBot" },
        Name = type == ActivityTypes.Invoke ? "adaptiveCard/action" : null,
    };

    /// <summary>
    /// The bounds table: each field, its limit, and how to give it a value of a given length. The README's table of what
    /// the door refuses is this one.
    /// </summary>
    public static TheoryData<string, int> Bounds() => new()
    {
        { "type", ActivityValidator.MaxTypeLength },
        { "id", ActivityValidator.MaxActivityIdLength },
        { "channelId", ActivityValidator.MaxChannelIdLength },
        { "serviceUrl", ActivityValidator.MaxServiceUrlLength },
        { "conversation.id", ActivityValidator.MaxConversationIdLength },
        { "conversation.name", ActivityValidator.MaxNameLength },
        { "conversation.tenantId", ActivityValidator.MaxGuidLikeLength },
        { "from.id", ActivityValidator.MaxAccountIdLength },
        { "from.name", ActivityValidator.MaxNameLength },
        { "from.aadObjectId", ActivityValidator.MaxGuidLikeLength },
        { "recipient.id", ActivityValidator.MaxAccountIdLength },
        { "recipient.name", ActivityValidator.MaxNameLength },
        { "replyToId", ActivityValidator.MaxActivityIdLength },
        { "name", ActivityValidator.MaxInvokeNameLength },
        { "text", ActivityValidator.MaxTextLength },
        { "locale", ActivityValidator.MaxLocaleLength },
        { "localTimezone", ActivityValidator.MaxLocaleLength },
        { "channelData.tenant.id", ActivityValidator.MaxGuidLikeLength },
        { "channelData.team.id", ActivityValidator.MaxAccountIdLength },
        { "channelData.channel.name", ActivityValidator.MaxNameLength },
        { "membersAdded", ActivityValidator.MaxMembers },
        { "membersRemoved", ActivityValidator.MaxMembers },
        { "membersAdded[0].id", ActivityValidator.MaxAccountIdLength },
        { "attachments", ActivityValidator.MaxAttachments },
        { "entities", ActivityValidator.MaxEntities },
        { "entities[0].mentioned.id", ActivityValidator.MaxAccountIdLength },
        { "entities[0].timezone", ActivityValidator.MaxLocaleLength },
        { "value", ActivityValidator.MaxValueBytes },
        { "value depth", ActivityValidator.MaxValueDepth },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Validate_Accepts_WhenFieldIsAtItsLimit(string field, int limit)
    {
        var activity = WithField(field, limit);
        Assert.Null(ActivityValidator.Validate(activity));
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Validate_RefusesNamingTheField_WhenFieldIsOnePastItsLimit(string field, int limit)
    {
        var activity = WithField(field, limit + 1);
        var problem = ActivityValidator.Validate(activity);
        Assert.NotNull(problem);
        Assert.StartsWith(field == "value depth" ? "value " : field + " ", problem, StringComparison.Ordinal);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData("someFutureType")]
    public void Validate_ReturnsNull_WhenActivityHasWhatItsTypeNeeds(string type) =>
        Assert.Null(ActivityValidator.Validate(Valid(type)));

    [Theory]
    [InlineData(ActivityTypes.Message, "type")]
    [InlineData(ActivityTypes.Message, "channelId")]
    [InlineData(ActivityTypes.Message, "serviceUrl")]
    [InlineData(ActivityTypes.Message, "conversation.id")]
    [InlineData(ActivityTypes.Message, "id")]
    [InlineData(ActivityTypes.Message, "from.id")]
    [InlineData(ActivityTypes.Message, "recipient.id")]
    [InlineData(ActivityTypes.Invoke, "from.id")]
    [InlineData(ActivityTypes.Invoke, "name")]
    [InlineData(ActivityTypes.Invoke, "id")]
    [InlineData(ActivityTypes.ConversationUpdate, "recipient.id")]
    [InlineData(ActivityTypes.InstallationUpdate, "recipient.id")]
    [InlineData(ActivityTypes.Event, "channelId")]
    [InlineData(ActivityTypes.Event, "conversation.id")]
    public void Validate_RefusesNamingTheField_WhenARequiredFieldIsMissing(string type, string field)
    {
        var activity = Valid(type);
        switch (field)
        {
            case "type": activity.Type = " "; break;
            case "channelId": activity.ChannelId = null; break;
            case "serviceUrl": activity.ServiceUrl = ""; break;
            case "conversation.id": activity.Conversation = new ConversationAccount(); break;
            case "id": activity.Id = null; break;
            case "from.id": activity.From = null; break;
            case "recipient.id": activity.Recipient = new ChannelAccount { Name = "CoachingBot" }; break;
            case "name": activity.Name = null; break;
        }

        Assert.Equal(field + " is missing.", ActivityValidator.Validate(activity));
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate, "from")]
    [InlineData(ActivityTypes.InstallationUpdate, "from")]
    [InlineData(ActivityTypes.MessageReaction, "id")]
    [InlineData(ActivityTypes.ConversationUpdate, "id")]
    [InlineData(ActivityTypes.InstallationUpdate, "id")]
    [InlineData(ActivityTypes.Typing, "recipient")]
    public void Validate_Accepts_WhenAFieldItsTypeDoesNotNeedIsMissing(string type, string field)
    {
        var activity = Valid(type);
        switch (field)
        {
            case "from": activity.From = null; break;
            case "id": activity.Id = null; break;
            case "recipient": activity.Recipient = null; break;
        }

        Assert.Null(ActivityValidator.Validate(activity));
    }

    [Theory]
    [InlineData("type", "message!")]
    [InlineData("channelId", "MS Teams")]
    [InlineData("serviceUrl", "/teams")]
    [InlineData("serviceUrl", "ftp://example.com/")]
    [InlineData("serviceUrl", "https://user:secret@example.com/")]
    [InlineData("serviceUrl", "https://example.com/teams?x=1")]
    [InlineData("serviceUrl", "https://example.com/teams#top")]
    [InlineData("conversation.id", "a:1 2")]
    [InlineData("conversation.id", "a:1\u00e9")]
    [InlineData("conversation.id", "a:1\u0000")]
    [InlineData("from.id", "29:\n")]
    [InlineData("from.name", "Ana\u0000")]
    [InlineData("from.name", "Ana\u0007")]
    [InlineData("from.name", "Ana{lone high surrogate}")]
    [InlineData("locale", "en GB")]
    [InlineData("localTimezone", "Europe/London;drop")]
    [InlineData("text", "hello\u0000")]
    [InlineData("text", "hello{lone low surrogate}")]
    public void Validate_RefusesNamingTheField_WhenFieldHasTheWrongShape(string field, string value)
    {
        // Attribute arguments cannot carry a lone surrogate (metadata is UTF-8), so the rows name one.
        value = value.Replace("{lone high surrogate}", "\ud800", StringComparison.Ordinal).Replace("{lone low surrogate}", "\udc00", StringComparison.Ordinal);
        var activity = Valid();
        switch (field)
        {
            case "type": activity.Type = value; break;
            case "channelId": activity.ChannelId = value; break;
            case "serviceUrl": activity.ServiceUrl = value; break;
            case "conversation.id": activity.Conversation!.Id = value; break;
            case "from.id": activity.From!.Id = value; break;
            case "from.name": activity.From!.Name = value; break;
            case "locale": activity.Locale = value; break;
            case "localTimezone": activity.LocalTimezone = value; break;
            case "text": activity.Text = value; break;
        }

        var problem = ActivityValidator.Validate(activity);
        Assert.NotNull(problem);
        Assert.StartsWith(field + " ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"mention","mentioned":"28:bot","text":"<at>Bot</at>"}""", "entities[0] ")]
    [InlineData("""{"type":"clientInfo","timezone":5}""", "entities[0] ")]
    [InlineData("""{"type":"clientInfo","locale":"en GB"}""", "entities[0].locale ")]
    [InlineData("""{"type":"mention","mentioned":{"id":"28:bot","name":"Bot\u0000"}}""", "entities[0].mentioned.name ")]
    public void Validate_RefusesNamingTheEntity_WhenAnEntityTheTurnReadsIsMalformed(string entityJson, string prefix)
    {
        var activity = Valid();
        activity.Entities = [JsonSerializer.Deserialize<Entity>(entityJson, BotJson.Options)!];
        var problem = ActivityValidator.Validate(activity);
        Assert.NotNull(problem);
        Assert.StartsWith(prefix, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"card":"goal","goal":"a\u0000b"}""")]
    [InlineData("""{"card":"goal","go\u0000al":"x"}""")]
    [InlineData("""["\ud800"]""")]
    public void Validate_RefusesValue_WhenItHoldsAStringNoStoreCanKeep(string valueJson)
    {
        var activity = Valid();
        activity.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        Assert.StartsWith("value ", ActivityValidator.Validate(activity), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeepsUnknownFields_WhenTheActivityIsAccepted()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/","conversation":{"id":"a:1","x-new":1},"from":{"id":"29:u"},"recipient":{"id":"28:b"},"futureField":{"a":[1,2]}}""",
            BotJson.Options)!;
        Assert.Null(ActivityValidator.Validate(activity));
        Assert.Contains("\"futureField\":{\"a\":[1,2]}", BotJson.Serialize(activity), StringComparison.Ordinal);
        Assert.Contains("\"x-new\":1", BotJson.Serialize(activity), StringComparison.Ordinal);
    }

    private static Activity WithField(string field, int length)
    {
        var type = field == "name" ? ActivityTypes.Invoke : ActivityTypes.Message;
        var activity = Valid(type);
        var text = new string('a', length);
        switch (field)
        {
            case "type": activity.Type = text; break;
            case "id": activity.Id = text; break;
            case "channelId": activity.ChannelId = text; break;
            case "serviceUrl":
                const string Base = "https://smba.trafficmanager.net/";
                activity.ServiceUrl = Base + new string('a', length - Base.Length);
                break;
            case "conversation.id": activity.Conversation!.Id = text; break;
            case "conversation.name": activity.Conversation!.Name = text; break;
            case "conversation.tenantId": activity.Conversation!.TenantId = text; break;
            case "from.id": activity.From!.Id = text; break;
            case "from.name": activity.From!.Name = text; break;
            case "from.aadObjectId": activity.From!.AadObjectId = text; break;
            case "recipient.id": activity.Recipient!.Id = text; break;
            case "recipient.name": activity.Recipient!.Name = text; break;
            case "replyToId": activity.ReplyToId = text; break;
            case "name": activity.Name = text; break;
            case "text": activity.Text = text; break;
            case "locale": activity.Locale = text; break;
            case "localTimezone": activity.LocalTimezone = text; break;
            case "channelData.tenant.id": activity.ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = text } }; break;
            case "channelData.team.id": activity.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = text } }; break;
            case "channelData.channel.name": activity.ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Name = text } }; break;
            case "membersAdded": activity.MembersAdded = [.. Enumerable.Range(0, length).Select(i => new ChannelAccount { Id = "29:" + i })]; break;
            case "membersRemoved": activity.MembersRemoved = [.. Enumerable.Range(0, length).Select(i => new ChannelAccount { Id = "29:" + i })]; break;
            case "membersAdded[0].id": activity.MembersAdded = [new ChannelAccount { Id = text }]; break;
            case "attachments": activity.Attachments = [.. Enumerable.Range(0, length).Select(_ => new Attachment { ContentType = "text/html", Content = "<p>hi</p>" })]; break;
            case "entities": activity.Entities = [.. Enumerable.Range(0, length).Select(_ => new Entity { Type = "mention" })]; break;
            case "entities[0].mentioned.id": activity.Entities = [new Mention { Type = Mention.EntityType, Mentioned = new ChannelAccount { Id = text } }]; break;
            case "entities[0].timezone": activity.Entities = [new ClientInfo { Type = ClientInfo.EntityType, Timezone = text }]; break;
            case "value":
                // {"x":"aaa..."}: eight bytes of JSON around the string.
                activity.Value = JsonSerializer.SerializeToElement(new { x = new string('a', length - 8) });
                break;
            case "value depth":
                // An array nested `length` deep: [[[...]]].
                activity.Value = JsonDocument.Parse(new string('[', length) + new string(']', length)).RootElement.Clone();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "No such row in the bounds table.");
        }

        return activity;
    }
}
