using System.Net;
using System.Text.Json;
using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Hosting;

/// <summary>The real host on a free loopback port, a fake Bot Connector on another, raw HTTP between them.</summary>
public sealed class MessagesEndpointTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    [Theory]
    [InlineData("{", "malformed JSON")]
    [InlineData("[]", "malformed JSON")]
    [InlineData("null", "not an activity")]
    [InlineData("""{"conversation":{"id":"a:1"},"serviceUrl":"http://127.0.0.1:9/"}""", "type is missing")]
    [InlineData("""{"type":"message","id":"1","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"},"from":{"id":"29:u"},"recipient":{"id":"28:b"}}""", "channelId is missing")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"a:1"},"from":{"id":"29:u"}}""", "serviceUrl is missing")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"a:1"},"from":{"id":"29:u"},"serviceUrl":"not a url"}""", "serviceUrl is not an absolute")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","text":"hi"}""", "conversation.id is missing")]
    [InlineData("""{"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"},"recipient":{"id":"28:b"}}""", "from.id is missing")]
    [InlineData("""{"type":"message","conversation":{"id":["a:1"]}}""", "wrong type at $.conversation.id")]
    [InlineData("""{"type":"message","text":"a\ud800"}""", "wrong type at $.text")]
    public async Task Post_Answers400WithReason_WhenBodyIsNotAUsableActivity(string body, string reason)
    {
        using var chat = fixture.App.Chat();
        using var response = await chat.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Answers400NamingTheField_WhenConversationIdIsLongerThanStorageAndConnectorTake()
    {
        using var chat = fixture.App.Chat();
        var activity = chat.Message("help");
        activity.Conversation!.Id = "a:" + new string('x', 100_000);

        using var response = await chat.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("conversation.id is longer than 400 characters.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_RunsTurnsThatStoreStateAndReply_WhenEveryIdIsAtItsLimit()
    {
        // The limits are only worth having if what they let through works: the dialog-state key, the stored
        // conversation reference and the connector URLs (ids escaped) must all take the longest ids accepted.
        const string Awkward = ":;/?#%@+=&'!*()$,~[]";
        var conversationId = "a:1" + Guid.NewGuid().ToString("N");
        while (conversationId.Length < ActivityValidator.MaxConversationIdLength)
        {
            conversationId += Awkward;
        }

        conversationId = conversationId[..ActivityValidator.MaxConversationIdLength];
        using var chat = new TeamsChat(new HttpClient { BaseAddress = fixture.App.BaseAddress }, fixture.App.Connector, ChatKind.Personal, conversationId)
        {
            UserId = ("29:" + Awkward + new string('u', ActivityValidator.MaxAccountIdLength))[..ActivityValidator.MaxAccountIdLength],
            UserName = new string('N', ActivityValidator.MaxNameLength),
        };

        Activity AtLimits(string text)
        {
            var activity = chat.Message(text);
            activity.Id = (activity.Id + Awkward + new string('i', ActivityValidator.MaxActivityIdLength))[..ActivityValidator.MaxActivityIdLength];
            activity.ChannelId = new string('m', ActivityValidator.MaxChannelIdLength);
            activity.Recipient!.Id = ("28:" + Awkward + new string('b', ActivityValidator.MaxAccountIdLength))[..ActivityValidator.MaxAccountIdLength];
            return activity;
        }

        var replies = await chat.ExchangeAsync(AtLimits("grow"), 2);
        Assert.Contains(ConversationFrame.PresentingNeedQuestion, replies[^1].Text, StringComparison.Ordinal);
        replies = await chat.ExchangeAsync(AtLimits("Clarity on my next step"), 1);
        Assert.Contains(ConversationFrame.TimeQuestion, replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_KeepsWorking_AfterAMalformedBody()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, ("grow", ["**GROW** conversation", ConversationFrame.PresentingNeedQuestion]));

        using (var bad = await chat.PostRawAsync("{\"type\":\"message\",\"text\":"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await Transcript.RunAsync(chat, ("Clarity on my next step", [ConversationFrame.TimeQuestion]));
    }

    [Fact]
    public async Task Post_AnswersOnce_WhenTeamsResendsTheSameActivity()
    {
        using var chat = fixture.App.Chat();
        var help = chat.Message("help");
        using (var first = await chat.SendAsync(help))
        using (var resend = await chat.SendAsync(help))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        }

        // Turns of a conversation run in arrival order, so a second answer to the resend would come before this one.
        await chat.WaitForRepliesAsync(1);
        await Transcript.RunAsync(chat, ("cancel", [BotMessages.NothingToCancel]));

        Assert.Equal(2, chat.Replies.Count);
        Assert.StartsWith(BotMessages.Help, chat.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RepliesThroughTheConnector_AddressedToTheSender()
    {
        using var chat = fixture.App.Chat();
        var replies = await chat.ExchangeAsync(chat.Message("help"), 1);
        var reply = replies.Single();
        var call = fixture.App.Connector.Calls.Single(c => c.Activity.Conversation?.Id == chat.ConversationId);

        Assert.Equal("POST", call.Method);
        Assert.Equal(chat.ConversationId, call.ConversationId);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(TeamsChat.BotId, reply.From!.Id);
        Assert.Equal(chat.UserId, reply.Recipient!.Id);
        Assert.Equal("markdown", reply.TextFormat);
        Assert.Equal(string.Empty, call.Authorization);
    }

    [Fact]
    public async Task Post_AnswersInvokeInTheResponseBody()
    {
        using var chat = fixture.App.Chat();
        var invoke = chat.NewActivity(ActivityTypes.Invoke);
        invoke.Name = "adaptiveCard/action";
        invoke.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "unknown" } });

        using var response = await chat.SendAsync(invoke);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(BotMessages.CardActionNotAvailable, body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Post_Answers413_WhenBodyIsTooLarge()
    {
        using var chat = fixture.App.Chat();
        var activity = chat.Message("x");
        activity.Text = new string('x', 600 * 1024);

        using var response = await chat.SendAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
