using System.Collections.Concurrent;
using System.Net;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Tests.Connector;

/// <summary>The real client, built by <c>AddBotConnector</c>, against a tiny fake connector on a real socket.</summary>
public sealed class ConnectorClientKestrelTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<WireRequest> _received = new();
    private WebApplication? _connector;
    private string _baseAddress = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _connector = builder.Build();
        _connector.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            _received.Enqueue(new WireRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.ContentLength,
                context.Request.Headers.TransferEncoding.ToString(),
                context.Request.ContentType,
                context.Request.Headers.UserAgent.ToString(),
                body));
            if (context.Request.Path.Value!.EndsWith("/gone/activities", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("""{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
                return;
            }

            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1712345678901"}""");
        });
        await _connector.StartAsync();
        _baseAddress = _connector.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task SendToConversation_ReachesPathBasedConnectorWithContentLength_OverRealSocket()
    {
        await using var provider = BotServices();
        var client = provider.GetRequiredService<IConnectorClientFactory>().Create(_baseAddress + "/_connector");
        var activity = new Activity { Type = ActivityTypes.Message, Text = "Welcome back — how did the action go?" };

        var result = await client.SendToConversationAsync("19:abc@thread.v2;messageid=123", activity);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal("1712345678901", result.Value?.Id);
        var request = Assert.Single(_received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D123/activities", request.RawTarget);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body), request.ContentLength);
        Assert.Equal("", request.TransferEncoding);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("CoachingBot/1.0", request.UserAgent);
        Assert.Contains("\"text\":\"Welcome back", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_IsRecipientGone_WhenRealConnectorAnswers403()
    {
        await using var provider = BotServices();
        var client = provider.GetRequiredService<IConnectorClientFactory>().Create(_baseAddress + "/_connector/");

        var result = await client.SendToConversationAsync("gone", new Activity { Type = ActivityTypes.Message, Text = "hi" });

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        Assert.Equal("BotNotInConversationRoster", result.ErrorCode);
        Assert.Single(_received);
    }

    private static ServiceProvider BotServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddBotConnector();
        return services.BuildServiceProvider();
    }

    private sealed record WireRequest(string Method, string RawTarget, long? ContentLength, string TransferEncoding, string? ContentType, string UserAgent, string Body);
}
