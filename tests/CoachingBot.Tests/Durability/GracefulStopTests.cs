using System.Diagnostics;
using CoachingBot.Tests.Support;
using Xunit.Abstractions;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// SIGTERM, as App Service sends when it restarts or scales in an instance, while turns are in flight: the bot waits
/// for them at most <c>Bot:Hosting:DrainTimeout</c>, stops, and what it did not finish is finished after the restart.
/// </summary>
[Collection(DurabilityTests.Name)]
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    private const int Conversations = 10;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    // Beyond the drain, the host stops its other services and the runtime exits; on a loaded two-core machine that
    // can take a few seconds. Five is generous and still tells a bot that drains from one that ignores the limit.
    private static readonly TimeSpan ExitSlack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigterm_StopsWithinTheDrainTimeoutAndLeavesNothingUnanswered_WhenTurnsAreInFlight()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var started = Stopwatch.GetTimestamp();
        await using var storage = BotStorage.Sqlite();
        await using var connector = await FakeConnector.StartAsync();
        // Until the stop, each send takes longer than the drain allows, so the turns that send two or three messages
        // cannot all finish in time; after the restart the walks go on at a brisker pace.
        connector.DelayEachRequest(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(2000), DurabilityRun.Seed);
        using var sender = new ResendingSender();
        var settings = DurabilityRun.Settings(storage.Settings, ("Bot:Hosting:DrainTimeout", "00:00:02"));
        await using var bot = await RestartingBot.StartAsync(storage.DataFolder, settings);

        var walkers = Enumerable.Range(0, Conversations).Select(_ => new GrowWalker(connector, sender, DurabilityRun.Today)).ToList();
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grows = 0;
        Task OnAccepted(int step)
        {
            // Step 1 is "grow", answered with two messages: once every conversation has sent it, all are in flight.
            if (step == 1 && Interlocked.Increment(ref grows) == Conversations)
            {
                allStarted.TrySetResult();
            }

            return Task.CompletedTask;
        }

        var walks = Task.WhenAll(walkers.Select(w => Task.Run(() => w.RunAsync(_ => bot.AddressAsync, settled.Task, DurabilityRun.AnswerWait, abort.Token, OnAccepted))));
        int inFlight;
        TimeSpan took;
        try
        {
            await allStarted.Task.WaitAsync(abort.Token);
            inFlight = walkers.Count(w => w.IsWaiting);
            took = await bot.TerminateAndRestartAsync(DrainTimeout + ExitSlack + TimeSpan.FromSeconds(20));
            connector.DelayEachRequest(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), DurabilityRun.Seed);
            settled.SetResult();
            await walks.WaitAsync(abort.Token);
        }
        catch
        {
            // Stop the walks with the test, whatever failed: none is left waiting for a bot that will not come.
            await abort.CancelAsync();
            throw;
        }

        var figures = DurabilityFigures.Count("graceful-stop-sqlite", walkers, connector, sender, 1, inFlight > 0 ? 1 : 0, Stopwatch.GetElapsedTime(started));
        output.WriteLine($"SIGTERM with {inFlight} conversations waiting for an answer; the process exited after {took.TotalSeconds:0.0} s (DrainTimeout {DrainTimeout.TotalSeconds:0} s)");
        figures.Report(output);
        foreach (var walker in walkers)
        {
            walker.Dispose();
        }

        Assert.True(inFlight > 0, "Nothing was in flight at the SIGTERM, so the test showed nothing.");
        Assert.True(took <= DrainTimeout + ExitSlack, $"The bot took {took.TotalSeconds:0.0} s to exit after SIGTERM; DrainTimeout is {DrainTimeout.TotalSeconds:0} s.");
        Assert.True(figures.Unanswered + figures.Incomplete == 0, $"{figures.Unanswered + figures.Incomplete} accepted messages were left without their answer:\n{figures}");
        Assert.Equal(Conversations, figures.Completed);
    }
}
