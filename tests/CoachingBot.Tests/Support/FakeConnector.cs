using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CoachingBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Tests.Support;

/// <summary>
/// A Bot Connector on a free loopback port that records what the bot sends. It can be told to answer the next
/// sends with an error status, to play a throttling or uninstalled-app connector, and to take its time over each
/// request, so that a bot stopped at any moment has sends in flight.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<int> _failures = new();
    // Completed and replaced on every arrival, so that every waiter wakes (a semaphore woke one waiter per arrival, and
    // with several chats waiting at once one of them could sleep through the arrival it was waiting for).
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, ConversationCalls> _byConversation = new(StringComparer.Ordinal);
    private readonly Lock _delayGate = new();
    private Random? _delayRandom;
    private (TimeSpan Min, TimeSpan Max) _delay;
    private int _nextId;

    /// <summary>What the fake records for a request whose sender went away before it was answered (nginx's code).</summary>
    public const int StatusClientClosed = 499;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.RecordAsync(http, "POST", conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, "POST", conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, "PUT", conversationId, activityId));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = address + "/";
        return connector;
    }

    /// <summary>The next sends are answered with these statuses, in order, instead of 200.</summary>
    public void FailNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue((int)status);
        }
    }

    /// <summary>
    /// From now on each request waits between <paramref name="min"/> and <paramref name="max"/> (drawn from a random
    /// sequence seeded with <paramref name="seed"/>) before it is recorded and answered. A request whose sender goes
    /// away during the wait is recorded as abandoned (status 499) and never delivered: the bot never learnt whether it
    /// arrived, so sending it again is not a repeat.
    /// </summary>
    public void DelayEachRequest(TimeSpan min, TimeSpan max, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        lock (_delayGate)
        {
            _delay = (min, max);
            _delayRandom = new Random(seed);
        }
    }

    /// <summary>Every call the bot made in one conversation, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> CallsIn(string conversationId) =>
        _byConversation.TryGetValue(conversationId, out var calls) ? calls.Snapshot().Calls : [];

    /// <summary>
    /// Waits until the calls made in <paramref name="conversationId"/> satisfy <paramref name="condition"/>, and returns
    /// them. Made for many waiters at once: each conversation wakes only its own.
    /// </summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string conversationId, Func<IReadOnlyList<RecordedCall>, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var calls = _byConversation.GetOrAdd(conversationId, _ => new ConversationCalls());
        while (true)
        {
            var (snapshot, changed) = calls.Snapshot();
            if (condition(snapshot))
            {
                return snapshot;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> activities were sent in all, and returns them.</summary>
    public Task<IReadOnlyList<Activity>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(delivered => delivered.Count >= count, $"{count} activities", timeout);

    /// <summary>Waits until the delivered activities satisfy <paramref name="condition"/>, and returns them.</summary>
    public async Task<IReadOnlyList<Activity>> WaitUntilAsync(Func<IReadOnlyList<Activity>, bool> condition, string expectation, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            // Taken before the check, so an arrival between the check and the wait completes this task.
            var next = Volatile.Read(ref _arrival).Task;
            var delivered = Delivered;
            if (condition(delivered))
            {
                return delivered;
            }

            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {expectation} from the bot; got {delivered.Count}: {string.Join(" | ", delivered.Select(a => a.Text))}");
            }
        }
    }

    /// <summary>The activities the connector accepted, in arrival order.</summary>
    public IReadOnlyList<Activity> Delivered => [.. _calls.Where(c => c.Status == 200).Select(c => c.Activity)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> RecordAsync(HttpContext http, string method, string conversationId, string? activityId)
    {
        var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options) ?? new Activity();
        var authorization = http.Request.Headers.Authorization.ToString();
        var conversation = activity.Conversation?.Id ?? conversationId;
        if (NextDelay() is { } delay && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Record(new RecordedCall(method, conversation, activityId, activity, StatusClientClosed, authorization));
                return Results.Empty;
            }
        }

        var status = _failures.TryDequeue(out var failure) ? failure : 200;
        // Like the real connector, the service names a new message; an id in the posted body is not kept.
        var id = method == "PUT" ? activityId! : "bot-" + Interlocked.Increment(ref _nextId);
        activity.Id = id;
        Record(new RecordedCall(method, conversation, activityId, activity, status, authorization));
        if (status != 200)
        {
            return Results.Json(new { error = new { code = status == 403 ? "BotNotInConversationRoster" : "Throttled", message = "fake" } }, statusCode: status);
        }

        Interlocked.Exchange(ref _arrival, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Results.Json(new { id });
    }

    private void Record(RecordedCall call)
    {
        _calls.Enqueue(call);
        _byConversation.GetOrAdd(call.ConversationId, _ => new ConversationCalls()).Add(call);
    }

    private TimeSpan? NextDelay()
    {
        lock (_delayGate)
        {
            return _delayRandom is null ? null : _delay.Min + ((_delay.Max - _delay.Min) * _delayRandom.NextDouble());
        }
    }

    /// <summary>One conversation's calls, and a signal that is set (and replaced) at each new one.</summary>
    private sealed class ConversationCalls
    {
        private readonly Lock _gate = new();
        private readonly List<RecordedCall> _calls = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(RecordedCall call)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _calls.Add(call);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }

        public (IReadOnlyList<RecordedCall> Calls, Task Changed) Snapshot()
        {
            lock (_gate)
            {
                return ([.. _calls], _changed.Task);
            }
        }
    }
}

/// <summary>One call the bot made. <see cref="Activity"/>'s id is the one the connector gave it (or updated).</summary>
public sealed record RecordedCall(string Method, string ConversationId, string? ActivityId, Activity Activity, int Status, string Authorization);
