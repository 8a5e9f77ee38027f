using System.Net;
using CoachingBot.Teams.Connector;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConnectorClientRateLimitTests
{
    [Fact]
    public async Task Send_DelaysEighthSendToOneConversation_ButNotASendToAnother()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.OK, """{"id":"1"}""");
        using var limiter = ConversationSendLimiter.CreatePerConversation(harness.Time, queueLimit: 10);
        var client = harness.Client(sendLimiter: limiter);

        for (var i = 0; i < 7; i++)
        {
            Assert.True((await client.SendToConversationAsync("a:busy", ConnectorHarness.Message("hi"))).Succeeded);
        }

        Assert.True((await client.SendToConversationAsync("a:other", ConnectorHarness.Message("hi"))).Succeeded);
        Assert.Empty(harness.Time.Waits);
        Assert.True((await client.ReplyToActivityAsync("a:busy", "1", ConnectorHarness.Message("hi"))).Succeeded);

        Assert.Equal([TimeSpan.FromSeconds(1)], harness.Time.Waits);
        Assert.Equal(9, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("delete")]
    public async Task Operation_IsPaced_WhenItWritesToTheConversation(string operation)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.OK, "{}");
        using var limiter = ConversationSendLimiter.CreatePerConversation(harness.Time, queueLimit: 10);
        var client = harness.Client(sendLimiter: limiter);

        for (var i = 0; i < 8; i++)
        {
            await ConnectorClientRequestTests.Invoke(client, operation, ConnectorHarness.ConversationId, "1");
        }

        Assert.Equal([TimeSpan.FromSeconds(1)], harness.Time.Waits);
    }

    [Fact]
    public async Task GetPagedMembers_IsNotPaced()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.OK, """{"members":[]}""");
        using var limiter = ConversationSendLimiter.CreatePerConversation(harness.Time, queueLimit: 10);
        var client = harness.Client(sendLimiter: limiter);

        for (var i = 0; i < 10; i++)
        {
            await client.GetPagedMembersAsync(ConnectorHarness.ConversationId);
        }

        Assert.Empty(harness.Time.Waits);
    }

    [Fact]
    public async Task Send_IsThrottledWithoutSending_WhenPermitQueueIsFull()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.OK, "{}");
        using var limiter = ConversationSendLimiter.CreatePerConversation(harness.Time, queueLimit: 0);
        var client = harness.Client(sendLimiter: limiter);
        for (var i = 0; i < 7; i++)
        {
            await client.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));
        }

        var result = await client.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal(7, harness.Handler.Requests.Count);
        Assert.Contains(harness.Logger.Entries, entry => entry.EventId.Id == 1103);
    }

    [Fact]
    public async Task Send_IsNotPaced_WhenClientHasNoLimiter()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Always(HttpStatusCode.OK, "{}");
        var client = harness.Client();

        for (var i = 0; i < 20; i++)
        {
            await client.SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));
        }

        Assert.Empty(harness.Time.Waits);
        Assert.Equal(20, harness.Handler.Requests.Count);
    }
}
