using System.Net;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Teams.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class TurnPipelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AcceptAsync_RunsTheTurnOnceAndSendsItsReplies_WhenTheSameActivityArrivesTwice()
    {
        var host = new Host((turn, _) => turn.SendText("echo " + turn.Activity.Text));

        Assert.True(await host.Pipeline.AcceptAsync(Host.Message("m1", "hello"), default));
        Assert.False(await host.Pipeline.AcceptAsync(Host.Message("m1", "hello"), default));
        await host.IdleAsync();

        Assert.Equal(["echo hello"], host.Connector.Texts);
        Assert.Equal(1, host.Runs);
    }

    [Fact]
    public async Task AcceptAsync_SendsRepliesInArrivalOrder_WhenOneConversationGetsManyMessages()
    {
        var host = new Host((turn, _) =>
        {
            turn.SendText(turn.Activity.Text + "a");
            turn.SendText(turn.Activity.Text + "b");
        });

        for (var i = 0; i < 20; i++)
        {
            await host.Pipeline.AcceptAsync(Host.Message($"m{i}", $"{i}"), default);
        }

        await host.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 20).SelectMany(i => new[] { $"{i}a", $"{i}b" }), host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_CommitsStagedStateWithTheReplies_WhenTheTurnEnds()
    {
        var host = new Host((turn, _) =>
        {
            turn.StageStateWrite(new StateWrite("state-key", "{\"n\":1}", null));
            turn.SendText("saved");
        });

        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.IdleAsync();

        Assert.Equal("{\"n\":1}", (await host.State.ReadAsync("state-key"))?.Json);
        Assert.Equal(["saved"], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_SendsTheApologyAndKeepsTheState_WhenTheBotThrows()
    {
        var host = new Host((turn, _) =>
        {
            turn.StageStateWrite(new StateWrite("state-key", "{\"n\":2}", null));
            turn.SendText("half-said");
            throw new InvalidOperationException("boom");
        });

        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.IdleAsync();

        Assert.Null(await host.State.ReadAsync("state-key"));
        Assert.Equal([TurnPipeline.FailureMessage], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_RunsTheTurnAgainOnFreshState_WhenItsStateWriteLosesARace()
    {
        var host = new Host(null!);
        await host.State.WriteAsync("state-key", "{\"n\":0}", null);
        var raced = false;
        host.OnTurn = async (turn, ct) =>
        {
            var stored = await host.State.ReadAsync("state-key", ct);
            if (!raced)
            {
                raced = true;
                await host.State.WriteAsync("state-key", "{\"n\":5}", stored!.ETag, ct);
            }

            turn.StageStateWrite(new StateWrite("state-key", stored!.Json + "+", stored.ETag));
            turn.SendText("ran on " + stored.Json);
        };

        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.IdleAsync();

        Assert.Equal(["ran on {\"n\":5}"], host.Connector.Texts);
        Assert.Equal("{\"n\":5}+", (await host.State.ReadAsync("state-key"))?.Json);
    }

    [Fact]
    public async Task AcceptAsync_WaitsForTheLane_WhenAnotherInstanceHoldsIt()
    {
        var host = new Host((turn, _) => turn.SendText("answered"));
        var other = await host.Journal.TryClaimLaneAsync(Host.ConversationId, "other-instance", TimeSpan.FromMinutes(1));

        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.IdleAsync();
        Assert.Empty(host.Connector.Texts);

        await host.Journal.ReleaseLaneAsync(other!);
        host.Pipeline.Kick(Host.ConversationId);
        await host.IdleAsync();

        Assert.Equal(["answered"], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_TakesTheLaneOver_WhenItsHolderDiedAndTheLeaseExpired()
    {
        var host = new Host((turn, _) => turn.SendText("answered"));
        await host.Journal.TryClaimLaneAsync(Host.ConversationId, "dead-instance", TimeSpan.FromSeconds(30));
        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.IdleAsync();
        Assert.Empty(host.Connector.Texts);
        Assert.Empty(await host.Journal.ConversationsWithWorkAsync(10));

        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([Host.ConversationId], await host.Journal.ConversationsWithWorkAsync(10));
        await host.Connector.WhenSentAsync(1);

        Assert.Equal(["answered"], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_KeepsRenewingTheLease_WhileATurnRunsLongerThanTheLease()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = new Host(async (turn, _) =>
        {
            await gate.Task;
            turn.SendText("done");
        });

        await host.Pipeline.AcceptAsync(Host.Message("m1", "slow"), default);
        for (var renewal = 0; renewal < 4; renewal++)
        {
            // The renewal loop waits a third of the 30 s lease; each pass renews it for 30 s from then.
            await WhenHeldAsync(host.Time, TimeSpan.FromSeconds(10));
            host.Time.Advance(TimeSpan.FromSeconds(10));
        }

        await WhenHeldAsync(host.Time, TimeSpan.FromSeconds(10));
        Assert.Null(await host.Journal.TryClaimLaneAsync(Host.ConversationId, "other-instance", TimeSpan.FromSeconds(30)));
        gate.SetResult();
        await host.IdleAsync();

        Assert.Equal(["done"], host.Connector.Texts);
    }

    private static async Task WhenHeldAsync(FakeTimeProvider time, TimeSpan dueIn)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!time.HeldDueIn.Contains(dueIn))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task Kick_AnswersWithTheApologyInsteadOfRunning_WhenTheTurnHasBeenStartedTooOften()
    {
        var host = new Host((turn, _) => turn.SendText("ran"));
        await host.Journal.AcceptAsync(Host.Message("m1", "hi"), runsInline: false);
        for (var crash = 0; crash < new BotHostingOptions().MaxTurnAttempts; crash++)
        {
            // Each start that never finished: the process died in the turn.
            Assert.NotNull(await host.Journal.NextTurnAsync(Host.ConversationId));
        }

        host.Pipeline.Kick(Host.ConversationId);
        await host.IdleAsync();

        Assert.Equal([TurnPipeline.FailureMessage], host.Connector.Texts);
        Assert.Equal(0, host.Runs);
    }

    [Fact]
    public async Task AcceptAsync_TriesTheRepliesAgainLater_WhenTheConnectorIsThrottling()
    {
        var host = new Host((turn, _) =>
        {
            turn.SendText(turn.Activity.Text + "1");
            turn.SendText(turn.Activity.Text + "2");
        });
        host.Connector.FailNext(ConnectorOutcome.Throttled, HttpStatusCode.TooManyRequests);

        await host.Pipeline.AcceptAsync(Host.Message("m1", "a"), default);
        await host.IdleAsync();
        Assert.Empty(host.Connector.Texts);

        Assert.Contains(TimeSpan.FromSeconds(5), host.Time.HeldDueIn);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await host.Connector.WhenSentAsync(2);

        Assert.Equal(["a1", "a2"], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_SendsEarlierUnsentRepliesFirst_WhenTheNextMessageArrives()
    {
        var host = new Host((turn, _) =>
        {
            turn.SendText(turn.Activity.Text + "1");
            turn.SendText(turn.Activity.Text + "2");
        });
        host.Connector.FailNext(ConnectorOutcome.Failed, HttpStatusCode.BadGateway);

        await host.Pipeline.AcceptAsync(Host.Message("m1", "a"), default);
        await host.IdleAsync();
        Assert.Empty(host.Connector.Texts);
        await host.Pipeline.AcceptAsync(Host.Message("m2", "b"), default);
        await host.IdleAsync();

        Assert.Equal(["a1", "a2", "b1", "b2"], host.Connector.Texts);
    }

    [Fact]
    public async Task AcceptAsync_DropsTheConversationsOtherReplies_WhenTheRecipientIsGone()
    {
        var host = new Host((turn, _) =>
        {
            turn.SendText("first");
            turn.SendText("second");
        });
        host.Connector.FailNext(ConnectorOutcome.RecipientGone, HttpStatusCode.Forbidden);

        await host.Pipeline.AcceptAsync(Host.Message("m1", "a"), default);
        await host.IdleAsync();

        Assert.Empty(host.Connector.Texts);
        Assert.Equal(1, host.Connector.Calls);
        Assert.Empty(await host.Journal.UnsentAsync(Host.ConversationId, 10));
    }

    [Fact]
    public async Task InvokeAsync_ReturnsTheTurnsResponse_AfterEarlierMessagesOfTheConversation()
    {
        var order = new List<string>();
        var host = new Host((turn, _) =>
        {
            order.Add(turn.Activity.Type!);
            turn.InvokeResponse = turn.Activity.Type == ActivityTypes.Invoke ? new InvokeResponse { Status = 200, Body = "card" } : null;
        });
        var blocker = await host.Journal.TryClaimLaneAsync(Host.ConversationId, "other-instance", TimeSpan.FromMinutes(1));
        await host.Pipeline.AcceptAsync(Host.Message("m1", "hi"), default);
        await host.Journal.ReleaseLaneAsync(blocker!);

        var invoke = Host.Message("i1", null);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";
        var response = await host.Pipeline.InvokeAsync(invoke, default);

        Assert.Equal(200, response?.Status);
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Invoke], order);
        Assert.Null(await host.Pipeline.InvokeAsync(invoke, default));
    }

    private sealed class Host : IBot
    {
        public const string ConversationId = "a:conversation-1";

        public Host(Action<TurnContext, CancellationToken> onTurn)
            : this((turn, ct) =>
            {
                onTurn(turn, ct);
                return Task.CompletedTask;
            })
        {
        }

        public Host(Func<TurnContext, CancellationToken, Task> onTurn)
        {
            OnTurn = onTurn;
            // Every timer waits for Advance, the lane retries included, so time moves only when a test says.
            Time = new FakeTimeProvider(Start, holdFrom: TimeSpan.FromMilliseconds(1));
            State = new InMemoryDialogStateStore();
            Journal = new InMemoryTurnJournal(State, Time);
            var options = Options.Create(new BotHostingOptions());
            Tracker = new TurnTracker(options, NullLogger<TurnTracker>.Instance);
            var services = new ServiceCollection().AddSingleton<IBot>(this).BuildServiceProvider();
            Pipeline = new TurnPipeline(
                services.GetRequiredService<IServiceScopeFactory>(),
                Connector,
                Journal,
                new ConversationSerializer(),
                Tracker,
                Time,
                options,
                NullLogger<TurnPipeline>.Instance);
        }

        public Func<TurnContext, CancellationToken, Task> OnTurn { get; set; }

        public FakeTimeProvider Time { get; }

        public InMemoryDialogStateStore State { get; }

        public InMemoryTurnJournal Journal { get; }

        public TurnTracker Tracker { get; }

        public TurnPipeline Pipeline { get; }

        public FlakyConnector Connector { get; } = new();

        public int Runs { get; private set; }

        public static Activity Message(string id, string? text) => new()
        {
            Type = ActivityTypes.Message,
            Id = id,
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example.test/",
            From = new ChannelAccount { Id = "user-1", Name = "Ann" },
            Recipient = new ChannelAccount { Id = "bot-1", Name = "CoachingBot" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationTypes.Personal },
            Text = text,
        };

        public Task IdleAsync() => Tracker.WhenIdleAsync();

        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Assert.True(turn.CommitsStateWithReplies);
            Runs++;
            await OnTurn(turn, cancellationToken);
        }
    }

    /// <summary>A connector factory and client in one: records what was sent, and can fail the next call.</summary>
    private sealed class FlakyConnector : IConnectorClientFactory, IConnectorClient
    {
        private readonly Lock _gate = new();
        private readonly List<string?> _texts = [];
        private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (ConnectorOutcome Outcome, HttpStatusCode Status)? _failNext;

        public Uri ServiceUrl { get; } = new("https://smba.example.test/");

        public int Calls { get; private set; }

        public IReadOnlyList<string?> Texts
        {
            get
            {
                lock (_gate)
                {
                    return [.. _texts];
                }
            }
        }

        public void FailNext(ConnectorOutcome outcome, HttpStatusCode status) => _failNext = (outcome, status);

        /// <summary>Completes once <paramref name="count"/> messages have been sent; fails the test after ten seconds.</summary>
        public async Task WhenSentAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                Task sent;
                lock (_gate)
                {
                    if (_texts.Count >= count)
                    {
                        return;
                    }

                    sent = _sent.Task;
                }

                await sent.WaitAsync(timeout.Token);
            }
        }

        public IConnectorClient Create(string serviceUrl) => this;

        public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) => Record(activity);

        public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) => Record(activity);

        public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) => Record(activity);

        public Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        private Task<ConnectorResult<ResourceResponse>> Record(Activity activity)
        {
            lock (_gate)
            {
                Calls++;
                if (_failNext is { } failure)
                {
                    _failNext = null;
                    return Task.FromResult(new ConnectorResult<ResourceResponse>(failure.Outcome, null, failure.Status));
                }

                _texts.Add(activity.Text);
                _sent.SetResult();
                _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
                return Task.FromResult(new ConnectorResult<ResourceResponse>(ConnectorOutcome.Succeeded, new ResourceResponse { Id = "bot-" + Calls }));
            }
        }
    }
}
