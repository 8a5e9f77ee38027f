using System.Diagnostics;
using CoachingBot.Tests.Support;
using Xunit.Abstractions;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// Issue 7's crash test: many conversations walk GROW at once against the bot as a process, through a slow connector,
/// while the process is SIGKILLed at random moments and started again on the same database. Every message the bot
/// answered 200 to must get its answer; replies sent twice are counted, reported, and bounded by the kills.
/// Scale and seed: see <see cref="DurabilityRun"/>.
/// </summary>
public abstract class CrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MinUptime = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxUptime = TimeSpan.FromMilliseconds(2500);

    private protected abstract Task<BotStorage> CreateStorageAsync();

    protected async Task RunAsync()
    {
        var conversations = DurabilityRun.Conversations;
        var kills = DurabilityRun.Kills;
        var seed = DurabilityRun.Seed;
        using var abort = new CancellationTokenSource(DurabilityRun.Timeout);
        var started = Stopwatch.GetTimestamp();

        await using var storage = await CreateStorageAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.DelayEachRequest(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), seed);
        using var sender = new ResendingSender();
        await using var bot = await RestartingBot.StartAsync(storage.DataFolder, DurabilityRun.Settings(storage.Settings));

        var today = DurabilityRun.Today;
        var walkers = Enumerable.Range(0, conversations).Select(_ => new GrowWalker(connector, sender, today)).ToList();
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acceptedSinceStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnAccepted(int step)
        {
            Volatile.Read(ref acceptedSinceStart).TrySetResult();
            return Task.CompletedTask;
        }

        var walks = walkers.Select(w => Task.Run(() => w.RunAsync(_ => bot.AddressAsync, settled.Task, DurabilityRun.AnswerWait, abort.Token, OnAccepted))).ToList();
        var allWalked = Task.WhenAll(walks);

        var random = new Random(seed);
        var killsWithMessagesInFlight = 0;
        var killsDone = 0;
        try
        {
            for (; killsDone < kills; killsDone++)
            {
                // A random moment once the new process has taken in work: a kill while it is still starting up
                // would find nothing in flight.
                var uptime = MinUptime + ((MaxUptime - MinUptime) * random.NextDouble());
                await Task.WhenAny(Volatile.Read(ref acceptedSinceStart).Task, allWalked).WaitAsync(abort.Token);
                await Task.WhenAny(Task.Delay(uptime, abort.Token), allWalked);
                if (walkers.Any(w => w.IsWaiting))
                {
                    killsWithMessagesInFlight++;
                }

                Volatile.Write(ref acceptedSinceStart, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                await bot.KillAndRestartAsync();
            }

            settled.SetResult();
            await allWalked.WaitAsync(abort.Token);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Reported below with the figures: a run that does not finish in time fails, it does not hang.
        }
        catch
        {
            // A restart that failed: stop the walks too, rather than leave them waiting for a bot that will not come.
            await abort.CancelAsync();
            throw;
        }
        finally
        {
            settled.TrySetResult();
        }

        var figures = DurabilityFigures.Count(
            $"crash-{storage.Provider.ToLowerInvariant()}",
            walkers,
            connector,
            sender,
            killsDone,
            killsWithMessagesInFlight,
            Stopwatch.GetElapsedTime(started));
        output.WriteLine($"seed {seed}; {conversations} conversations; {kills} kills; the bot started {bot.Starts} times");
        figures.Report(output);
        output.WriteLine("The bot's last output:\n" + string.Join('\n', bot.Current.RecentOutput.Split('\n').TakeLast(30)));
        foreach (var walker in walkers)
        {
            walker.Dispose();
        }

        Assert.False(abort.IsCancellationRequested, $"The crash test did not finish within {DurabilityRun.Timeout}. The bot's last output:\n{bot.Current.RecentOutput}");
        Assert.True(figures.Unanswered + figures.Incomplete == 0, $"{figures.Unanswered + figures.Incomplete} accepted messages were left without their answer:\n{figures}");
        Assert.Equal(conversations, figures.Completed);
        // A reply is repeated only when the bot died between the connector's 200 and marking it sent. A conversation's
        // lane sends one reply at a time, so each kill can repeat at most one reply per conversation.
        Assert.True(
            figures.MostRepeatedInAConversation <= figures.Stops,
            $"A conversation got {figures.MostRepeatedInAConversation} repeated replies from {figures.Stops} kills:\n{figures}");
    }
}

[Collection(DurabilityTests.Name)]
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests(output)
{
    [Fact]
    public Task RandomKills_LeaveNoAcceptedMessageUnanswered_WhenTheBotRunsOnSqlite() => RunAsync();

    private protected override Task<BotStorage> CreateStorageAsync() => Task.FromResult(BotStorage.Sqlite());
}

[Collection(DurabilityTests.Name)]
public sealed class PostgreSqlCrashTests(ITestOutputHelper output) : CrashTests(output)
{
    [PostgresFact]
    public Task RandomKills_LeaveNoAcceptedMessageUnanswered_WhenTheBotRunsOnPostgreSql() => RunAsync();

    private protected override Task<BotStorage> CreateStorageAsync() => BotStorage.PostgreSqlAsync();
}
