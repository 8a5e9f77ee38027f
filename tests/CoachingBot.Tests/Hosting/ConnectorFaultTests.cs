using CoachingBot.Chat;
using System.Net;
using System.Security.Cryptography;
using CoachingBot.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Tests.Hosting;

/// <summary>Faults only a fake connector can cause: throttling and an uninstalled app.</summary>
public sealed class ConnectorFaultTests
{
    [Fact]
    public async Task Reply_IsDelivered_WhenConnectorThrottlesOnceWithRetryAfter()
    {
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:RetryBaseDelay"] = "00:00:00.050" });
        using var chat = app.Chat();
        app.Connector.FailNext(HttpStatusCode.TooManyRequests);

        await Transcript.RunAsync(chat, ("help", [BotMessages.Help]));

        Assert.Equal([429, 200], app.Connector.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Bot_KeepsServingOthers_WhenAUserHasRemovedTheApp()
    {
        await using var app = await BotApp.StartAsync();
        using var gone = app.Chat();
        using var other = app.Chat();
        app.Connector.FailNext(HttpStatusCode.Forbidden);

        using (var response = await gone.SayAsync("help"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Transcript.RunAsync(other, ("help", [BotMessages.Help]));

        Assert.Equal(403, app.Connector.Calls[0].Status);
        Assert.Single(app.Connector.Calls, c => c.ConversationId == gone.ConversationId);
    }

    [Fact]
    public async Task Post_Answers401AndRunsNoTurn_WhenAuthIsOnAndTokenIsMissing()
    {
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "5f0b2a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b",
            ["Bot:AppPassword"] = "test-only-not-a-secret",
        });
        using var chat = app.Chat();

        using var response = await chat.SayAsync("help");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The same conversation's next turn would come after this one; with auth on nothing reaches the bot.
        Assert.Empty(app.Connector.Calls);
    }

    [Fact]
    public async Task Post_Answers503AndRunsNoTurn_WhenSigningKeysCannotBeFetched()
    {
        const string appId = "5f0b2a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b";
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = appId,
            ["Bot:AppPassword"] = "test-only-not-a-secret",
            // A loopback address with no metadata behind it: the fetch fails as it would in an outage.
            ["Bot:BotFrameworkOpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
        });
        using var chat = app.Chat();
        var activity = chat.Message("help");
        using var rsa = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = appId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = activity.ServiceUrl! },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress, "/api/messages"))
        {
            Content = new StringContent(Teams.Schema.BotJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var http = new HttpClient();

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(app.Connector.Calls);
    }
}
