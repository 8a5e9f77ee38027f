using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Tests.Support;

public enum ChatKind
{
    Personal,
    Group,
}

/// <summary>
/// Plays Teams for one conversation: builds activities as Teams sends them (ids, serviceUrl, tenant, the bot's
/// at-mention in group chats) and posts them to the bot's /api/messages as raw HTTP.
/// </summary>
public sealed class TeamsChat : IDisposable
{
    public const string BotId = "28:coachingbot-app-id";
    public const string BotName = "CoachingBot";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    private readonly HttpClient _http;
    private readonly FakeConnector _connector;
    private readonly ChatKind _kind;
    private int _sequence;

    public TeamsChat(HttpClient http, FakeConnector connector, ChatKind kind, string? conversationId = null)
    {
        _http = http;
        _connector = connector;
        _kind = kind;
        ConversationId = conversationId ?? (kind == ChatKind.Personal
            ? "a:1" + Guid.NewGuid().ToString("N")
            : "19:" + Guid.NewGuid().ToString("N") + "@thread.v2");
    }

    public string ConversationId { get; }

    public string UserId { get; set; } = "29:1client-" + Guid.NewGuid().ToString("N")[..8];

    public string UserName { get; set; } = "Ana Client";

    /// <summary>The locale Teams puts on the user's activities (it decides how dates such as 11/12 are read).</summary>
    public string Locale { get; set; } = "en-GB";

    /// <summary>The user's IANA time zone, as Teams reports it on each activity.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>The bot's messages in this conversation so far.</summary>
    public IReadOnlyList<Activity> Replies => [.. _connector.Delivered.Where(a => a.Conversation?.Id == ConversationId)];

    public Activity NewActivity(string type)
    {
        var id = "m" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        return new Activity
        {
            Type = type,
            Id = id,
            ChannelId = "msteams",
            ServiceUrl = _connector.ServiceUrl,
            From = new ChannelAccount { Id = UserId, Name = UserName, AadObjectId = "00000000-0000-0000-0000-0000000000aa" },
            Recipient = new ChannelAccount { Id = BotId, Name = BotName },
            Conversation = new ConversationAccount
            {
                Id = ConversationId,
                ConversationType = _kind == ChatKind.Personal ? ConversationTypes.Personal : ConversationTypes.GroupChat,
                IsGroup = _kind == ChatKind.Group ? true : null,
                TenantId = TenantId,
            },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
            Locale = Locale,
            LocalTimezone = TimeZone,
        };
    }

    public Activity Message(string text)
    {
        var activity = NewActivity(ActivityTypes.Message);
        if (_kind == ChatKind.Group)
        {
            var mention = $"<at>{BotName}</at>";
            activity.Text = mention + " " + text;
            var entity = new Mention { Type = Mention.EntityType, Mentioned = new ChannelAccount { Id = BotId, Name = BotName }, Text = mention };
            activity.Entities = [entity];
        }
        else
        {
            activity.Text = text;
        }

        return activity;
    }

    /// <summary>A card submit (Action.Submit) as Teams sends it: the inputs in <c>value</c>, no text, in reply to the card.</summary>
    public Activity Submit(object values, string? cardActivityId = null)
    {
        var activity = NewActivity(ActivityTypes.Message);
        activity.Value = JsonSerializer.SerializeToElement(values, BotJson.Options);
        activity.ReplyToId = cardActivityId ?? LastCard()?.Id;
        return activity;
    }

    /// <summary>The last message the bot sent with an Adaptive Card.</summary>
    public Activity? LastCard() =>
        Replies.LastOrDefault(a => a.Attachments?.Any(x => x.ContentType == Attachment.AdaptiveCardContentType) == true);

    public Activity Install()
    {
        var activity = NewActivity(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [new ChannelAccount { Id = BotId, Name = BotName }];
        return activity;
    }

    public Task<HttpResponseMessage> SendAsync(Activity activity) => PostRawAsync(BotJson.Serialize(activity));

    public Task<HttpResponseMessage> SayAsync(string text) => SendAsync(Message(text));

    public Task<HttpResponseMessage> PostRawAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    /// <summary>
    /// Sends <paramref name="activity"/>, checks it was taken in, and waits for <paramref name="replies"/> bot messages
    /// that answer it (by their replyToId, so a reply to an earlier message that a restarted bot sends again is not
    /// taken for this one's).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ExchangeAsync(Activity activity, int replies)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await SendAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await _connector.WaitUntilAsync(_ => RepliesTo(activity.Id).Count >= replies, $"{replies} replies to {activity.Id} in {ConversationId}");
        return Replies;
    }

    /// <summary>The bot's messages that answer the activity with id <paramref name="activityId"/>.</summary>
    public IReadOnlyList<Activity> RepliesTo(string? activityId) => [.. Replies.Where(a => a.ReplyToId == activityId)];

    public async Task<IReadOnlyList<Activity>> WaitForRepliesAsync(int total)
    {
        await _connector.WaitUntilAsync(_ => Replies.Count >= total, $"{total} replies in {ConversationId}");
        return Replies;
    }

    public static string Describe(IEnumerable<Activity> activities) =>
        string.Join("\n---\n", activities.Select(Content));

    /// <summary>What a person would see in a message: its text and its cards' JSON.</summary>
    public static string Content(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var cards = activity.Attachments?.Select(a => JsonSerializer.Serialize(a.Content, BotJson.Options)) ?? [];
        return string.Join("\n", new[] { activity.Text }.Concat(cards).Where(part => !string.IsNullOrEmpty(part)));
    }

    public void Dispose() => _http.Dispose();
}
