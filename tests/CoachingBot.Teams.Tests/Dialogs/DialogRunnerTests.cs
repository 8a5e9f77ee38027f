using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class DialogRunnerTests
{
    private static readonly string LostTrack = new DialogRunnerOptions().LostTrackMessage;

    [Fact]
    public async Task RunAsync_PersistsStackBetweenTurns_AndDeletesItWhenTheStackEmpties()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile);

        await host.SayAsync("hi");
        Assert.Equal(["profile", "text"], WaterfallDialogTests.StackIds(await host.StoredJsonAsync()));
        await host.SayAsync("Ann");
        Assert.Equal(["profile", "number"], WaterfallDialogTests.StackIds(await host.StoredJsonAsync()));
        await host.SayAsync("30");
        Assert.Null(await host.Store.ReadAsync(DialogTestHost.StateKey));
    }

    [Fact]
    public async Task RunAsync_WritesNothing_WhenTheTurnLeavesNoDialogAndNoneWasStored()
    {
        var store = new InMemoryDialogStateStore();
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store)
        {
            OnTurn = (dc, ct) =>
            {
                dc.Context.SendText("Type help to see what I can do.");
                return Task.CompletedTask;
            },
        };

        Assert.Equal("Type help to see what I can do.", await host.SayAsync("hello"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task RunAsync_LeavesStoredVersionAlone_WhenTheTurnChangesNothing()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile);
        await host.SayAsync("hi");
        var before = await host.Store.ReadAsync(DialogTestHost.StateKey);

        var typing = host.MakeMessage(null);
        typing.Type = ActivityTypes.Typing;
        Assert.Empty(await host.SendActivityAsync(typing));

        Assert.Equal(before, await host.Store.ReadAsync(DialogTestHost.StateKey));
    }

    [Fact]
    public async Task CancelAll_EmptiesTheStackAndTheStore_WhenUserCancelsMidDialog()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile);

        await host.AssertTranscriptAsync(
            ("hi", "What's your name?"),
            ("Ann", "How old are you?"),
            ("cancel", "Cancelled."));
        Assert.Null(await host.StoredJsonAsync());
        await host.AssertTranscriptAsync(("cancel", "Nothing to cancel."), ("hi", "What's your name?"));
    }

    [Fact]
    public async Task RepromptAndContinue_DoNothing_WhenNoDialogIsRunning()
    {
        var results = new List<DialogTurnStatus>();
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile)
        {
            OnTurn = async (dc, ct) =>
            {
                await dc.RepromptAsync(ct);
                results.Add((await dc.ContinueDialogAsync(ct)).Status);
            },
        };

        Assert.Empty(await host.SendAsync("help"));
        Assert.Equal([DialogTurnStatus.Empty], results);
    }

    [Fact]
    public async Task Reprompt_AsksTheCurrentQuestionAgainAndStaysOnTheStep_WhenUserAsksForHelp()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile);

        await host.AssertTranscriptAsync(
            ("hi", "What's your name?"),
            ("Ann", "How old are you?"),
            ("help", "Answer the question, or type cancel. / How old are you?"),
            ("41", """Done: {"name":"Ann","age":41}"""));
    }

    [Fact]
    public async Task Prompt_EndsCancelledAndTheWaterfallWithIt_WhenMaxAttemptsAreUsedUp()
    {
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(maxAttempts: 2), TestDialogs.Profile);

        await host.AssertTranscriptAsync(
            ("hi", "What's your name?"),
            ("Ann", "How old are you?"),
            ("old", "Please enter a whole number, such as 3. / How old are you?"),
            ("very", "Stopped."));
        Assert.Null(await host.StoredJsonAsync());
    }

    [Fact]
    public async Task RunAsync_RerunsTurnOnFreshState_WhenAnotherWriterWinsTheRace()
    {
        var inner = new InMemoryDialogStateStore();
        var other = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, inner);
        await other.AssertTranscriptAsync(("hi", "What's your name?"));

        // While this turn handles "Ann", another instance takes "Bob" for the same question and saves first.
        var racing = new InterferedOnceStore(inner, () => other.SendAsync("Bob"));
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, racing);

        var replies = await host.SendAsync("Ann");

        // The first run took "Ann" as the name and asked the age; that was discarded unsent. The re-run sees the
        // age question already asked, so "Ann" is a bad age.
        Assert.Equal("Please enter a whole number, such as 3. / How old are you?", Transcript.Render(replies));
        Assert.Equal(2, racing.Reads);
        var stored = JsonNode.Parse((await inner.ReadAsync(DialogTestHost.StateKey))!.Json)!;
        Assert.Equal("Bob", stored["stack"]![0]!["state"]!["values"]!["name"]!.GetValue<string>());
        Assert.Equal(1, stored["stack"]![1]!["state"]!["attempts"]!.GetValue<int>());
        Assert.Contains(host.Logger.Entries, entry => entry.Level == LogLevel.Information && entry.Message.Contains("attempt 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RerunsTurn_WhenTheDeleteAtTheEndLosesTheRace()
    {
        var inner = new InMemoryDialogStateStore();
        var other = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, inner);
        await other.AssertTranscriptAsync(("hi", "What's your name?"), ("Ann", "How old are you?"));

        var racing = new InterferedOnceStore(inner, () => other.SendAsync("50"));
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, racing);

        // The other instance finished the dialog first; this turn re-runs on the empty stack and starts again.
        Assert.Equal("What's your name?", await host.SayAsync("51"));
    }

    [Fact]
    public async Task RunAsync_GivesUpAfterMaxAttemptsAndRethrows_WhenEveryWriteConflicts()
    {
        var store = new AlwaysConflictingStore(new InMemoryDialogStateStore());
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);
        var turns = 0;
        host.OnTurn = (dc, ct) =>
        {
            turns++;
            return host.DefaultAppTurnAsync(dc, ct);
        };
        var turn = new TurnContext(host.MakeMessage("hi"), new RecordingConnectorClient(), new ServiceCollection().BuildServiceProvider());
        var runner = new DialogRunner(TestDialogs.ProfileSet(), store, host.Logger, Options.Create(new DialogRunnerOptions { MaxAttempts = 3 }));

        await Assert.ThrowsAsync<DialogStateConflictException>(() => runner.RunAsync(turn, host.OnTurn, CancellationToken.None));

        Assert.Equal(3, turns);
        Assert.Equal(3, store.Reads);
        Assert.Equal(3, store.Writes);
        Assert.Empty(turn.Pending);
        Assert.Single(host.Logger.Entries, entry => entry.Level == LogLevel.Error && entry.Exception is DialogStateConflictException);
    }

    [Theory]
    [InlineData("not json at all", DialogStateProblem.Unparseable)]
    [InlineData("", DialogStateProblem.Unparseable)]
    [InlineData("[1,2,3]", DialogStateProblem.Unparseable)]
    [InlineData("{}", DialogStateProblem.Unparseable)]
    [InlineData("""{"version":"1","stack":[]}""", DialogStateProblem.Unparseable)]
    [InlineData("""{"version":1,"stack":[{"id":"profile"}]}""", DialogStateProblem.Unparseable)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":0,"values":{}},"id":"x"}]}""", DialogStateProblem.Unparseable)]
    [InlineData("""{"version":2,"stack":[]}""", DialogStateProblem.UnsupportedVersion)]
    [InlineData("""{"version":1,"stack":[{"id":"retired-dialog","state":{}}]}""", DialogStateProblem.UnknownDialog)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":3,"values":{}}}]}""", DialogStateProblem.InvalidDialogState)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":-1,"values":{}}}]}""", DialogStateProblem.InvalidDialogState)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":"one","values":{}}}]}""", DialogStateProblem.InvalidDialogState)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":0,"values":{}}},{"id":"text","state":{"options":"oops","attempts":0}}]}""", DialogStateProblem.InvalidDialogState)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":1,"values":{}}},{"id":"number","state":{"options":{"min":9,"max":1},"attempts":0}}]}""", DialogStateProblem.InvalidDialogState)]
    [InlineData("""{"version":1,"stack":[{"id":"profile","state":{"stepIndex":1,"values":{}}},{"id":"number","state":{"options":{},"attempts":-2}}]}""", DialogStateProblem.InvalidDialogState)]
    public async Task RunAsync_StartsAfreshAndApologisesOnce_WhenStoredStateIsUnusable(string json, DialogStateProblem problem)
    {
        var store = new InMemoryDialogStateStore();
        await store.WriteAsync(DialogTestHost.StateKey, json, null);
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);

        Assert.Equal($"{LostTrack} / What's your name?", await host.SayAsync("secret reflection text"));

        var warning = Assert.Single(host.Logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(problem.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", warning.Message, StringComparison.Ordinal);
        if (json.Length > 0)
        {
            Assert.DoesNotContain(json, warning.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["profile", "text"], WaterfallDialogTests.StackIds(await host.StoredJsonAsync()));
        await host.AssertTranscriptAsync(("Ann", "How old are you?"));
        Assert.Single(host.Logger.Entries, entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task RunAsync_StartsAfresh_WhenStoredJsonIsNestedTooDeep()
    {
        var store = new InMemoryDialogStateStore();
        await store.WriteAsync(DialogTestHost.StateKey, new string('[', 5000) + new string(']', 5000), null);
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);

        Assert.Equal($"{LostTrack} / What's your name?", await host.SayAsync("hi"));
    }

    [Fact]
    public async Task RunAsync_ClearsUnusableState_WhenTheFreshTurnBeginsNothing()
    {
        var store = new InMemoryDialogStateStore();
        await store.WriteAsync(DialogTestHost.StateKey, "{broken", null);
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store)
        {
            OnTurn = (dc, ct) => Task.CompletedTask,
        };

        Assert.Equal(LostTrack, await host.SayAsync("hi"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task RunAsync_ApologisesOnlyOnce_WhenAConflictRerunsATurnOnUnusableState()
    {
        var inner = new InMemoryDialogStateStore();
        await inner.WriteAsync(DialogTestHost.StateKey, "{broken", null);
        var racing = new InterferedOnceStore(inner, async () =>
        {
            var current = await inner.ReadAsync(DialogTestHost.StateKey);
            await inner.WriteAsync(DialogTestHost.StateKey, "{still broken", current!.ETag);
        });
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, racing);

        Assert.Equal($"{LostTrack} / What's your name?", await host.SayAsync("hi"));
    }

    [Fact]
    public async Task RunAsync_KeysStateByChannelAndConversation_SoAGroupChatSharesOneStack()
    {
        var store = new InMemoryDialogStateStore();
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);
        await host.SayAsync("hi");

        var fromCoach = host.MakeMessage("Ann");
        fromCoach.From = new ChannelAccount { Id = "29:coach", Name = "Coach" };
        Assert.Equal("How old are you?", Transcript.Render(await host.SendActivityAsync(fromCoach)));
        Assert.NotNull(await store.ReadAsync("msteams/a:conversation-1"));
    }

    [Fact]
    public async Task RunAsync_UsesTheConfiguredKey_WhenTheAppOverridesIt()
    {
        var store = new InMemoryDialogStateStore();
        var host = new DialogTestHost(() => TestDialogs.ProfileSet(), TestDialogs.Profile, store);
        host.RunnerOptions.StateKey = activity => $"user/{activity.From!.Id}";

        await host.SayAsync("hi");

        Assert.NotNull(await store.ReadAsync($"user/{DialogTestHost.UserId}"));
        Assert.Null(await store.ReadAsync(DialogTestHost.StateKey));
    }

    [Fact]
    public void ConversationKey_Throws_WhenTheActivityHasNoConversation()
    {
        Assert.Throws<ArgumentException>(() => DialogRunnerOptions.ConversationKey(new Activity { ChannelId = "msteams" }));
    }

    [Fact]
    public void AddDialogs_KeepsTheAppsStoreAndFindsRegisteredDialogs_WhenTheStoreIsRegisteredFirst()
    {
        var appStore = new InMemoryDialogStateStore();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDialogStateStore>(appStore)
            .AddSingleton<Dialog>(new TextPrompt("text"));
        services.AddDialogs();
        services.AddSingleton<Dialog>(new ConfirmPrompt("confirm"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        Assert.Same(appStore, scope.ServiceProvider.GetRequiredService<IDialogStateStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<DialogRunner>());
        var dialogs = scope.ServiceProvider.GetRequiredService<DialogSet>();
        Assert.NotNull(dialogs.Find("text"));
        Assert.NotNull(dialogs.Find("confirm"));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDialogs_FallsBackToInMemoryStore_WhenTheAppRegistersNone()
    {
        using var provider = new ServiceCollection().AddLogging().AddDialogs().BuildServiceProvider();

        Assert.IsType<InMemoryDialogStateStore>(provider.GetRequiredService<IDialogStateStore>());
    }
}
