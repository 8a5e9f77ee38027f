using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Load;

/// <summary>
/// The Bot Connector the bots answer through (the activities' serviceUrl): Kestrel on a free loopback port, answering
/// sends and replies (POST .../v3/conversations/{id}/activities[/{replyToId}]) and updates (PUT .../activities/{id})
/// with 200 and a resource id, as Teams does. Each call is handed to its conversation, which matches it to the turn
/// in flight. It keeps no log of calls: at 800 turns a second a run makes hundreds of thousands.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private static long s_ids;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private long _unmatched;
    private long _authorized;
    private long _calls;

    private FakeConnector(WebApplication app)
    {
        _app = app;
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => OnCallAsync(context, conversationId, isUpdate: false));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId) => OnCallAsync(context, conversationId, isUpdate: false));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) => OnCallAsync(context, conversationId, isUpdate: true, activityId));
        app.MapPost("/v3/conversations", () => Results.Json(new { id = "a:1created" + Interlocked.Increment(ref s_ids).ToString(CultureInfo.InvariantCulture) }));
    }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Calls that belonged to no turn in flight: a late answer to a turn given up, or more replies than the walk expected.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Calls that carried an Authorization header (with auth off there should be none).</summary>
    public long Authorized => Interlocked.Read(ref _authorized);

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        // No console lifetime: Ctrl+C and SIGTERM are the generator's to handle (it stops the bot first).
        builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
        var connector = new FakeConnector(builder.Build());
        await connector._app.StartAsync();
        var address = new Uri(connector._app.Urls.First());
        connector.ServiceUrl = $"http://127.0.0.1:{address.Port}/";
        return connector;
    }

    public void Add(Conversation conversation) => _conversations[conversation.Id] = conversation;

    public void Remove(Conversation conversation) => _conversations.TryRemove(conversation.Id, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task OnCallAsync(HttpContext context, string conversationId, bool isUpdate, string? updatedId = null)
    {
        Interlocked.Increment(ref _calls);
        if (context.Request.Headers.Authorization.Count > 0)
        {
            Interlocked.Increment(ref _authorized);
        }

        string? replyToId = null;
        string? text = null;
        var hasCard = false;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body))
        {
            var root = body.RootElement;
            if (root.TryGetProperty("replyToId", out var reply) && reply.ValueKind == JsonValueKind.String)
            {
                replyToId = reply.GetString();
            }

            if (root.TryGetProperty("text", out var said) && said.ValueKind == JsonValueKind.String)
            {
                text = said.GetString();
            }

            if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            {
                foreach (var attachment in attachments.EnumerateArray())
                {
                    if (attachment.TryGetProperty("contentType", out var type) && type.ValueEquals("application/vnd.microsoft.card.adaptive"u8))
                    {
                        hasCard = true;
                    }
                }
            }
        }

        var id = updatedId ?? "1:" + Interlocked.Increment(ref s_ids).ToString(CultureInfo.InvariantCulture);
        if (!_conversations.TryGetValue(conversationId, out var conversation) || !conversation.OnCall(isUpdate, replyToId, id, hasCard, text))
        {
            Interlocked.Increment(ref _unmatched);
        }

        // A body with a Content-Length, not chunked.
        var response = Encoding.UTF8.GetBytes("{\"id\":" + JsonSerializer.Serialize(id) + "}");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response);
    }

    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
