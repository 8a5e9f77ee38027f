using System.Diagnostics;
using Activity = CoachingBot.Teams.Schema.Activity;
using CoachingBot.Chat;
using CoachingBot.Models;
using CoachingBot.Tests.Support;
using Xunit.Abstractions;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// Two bot processes on one PostgreSQL database, as two App Service instances behind a load balancer that sends
/// each activity of a conversation to either: the conversation must go on as with one instance, one turn at a time,
/// through the death of either.
/// </summary>
[Collection(DurabilityTests.Name)]
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    /// <summary>The step of the walk (the reality answer) sent to the first instance, which is killed right after its 200.</summary>
    private const int KillStep = 6;

    [PostgresFact]
    public async Task Grow_FinishesOnTheOtherInstance_WhenOneIsKilledRightAfterAcceptingAMessage()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var started = Stopwatch.GetTimestamp();
        await using var storage = await BotStorage.PostgreSqlAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.DelayEachRequest(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), DurabilityRun.Seed);
        using var sender = new ResendingSender();
        var (first, second) = await StartTwoAsync(storage);
        await using var a = first;
        await using var b = second;

        using var walker = new GrowWalker(connector, sender, DurabilityRun.Today);
        var firstIsDead = false;
        Func<CancellationToken, Task<Uri>> To(BotProcess bot) => _ => Task.FromResult(bot.BaseAddress);
        async Task KillFirst(int step)
        {
            if (step == KillStep)
            {
                await a.KillAsync();
                firstIsDead = true;
            }
        }

        // Even steps to the first instance, odd ones to the second; everything to the second once the first is dead.
        await walker.RunAsync(step => step % 2 == 0 && !firstIsDead ? To(a) : To(b), Task.CompletedTask, DurabilityRun.AnswerWait, abort.Token, KillFirst);

        var figures = DurabilityFigures.Count("two-instances-kill", [walker], connector, sender, 1, 1, Stopwatch.GetElapsedTime(started));
        figures.Report(output);
        Assert.True(firstIsDead, "The walk never reached the step at which the first instance is killed.");
        Assert.True(walker.Outcome == WalkOutcome.Completed, $"{walker.Outcome}: {walker.Problem}\nThe second instance's last output:\n{b.RecentOutput}");
    }

    [PostgresFact]
    public async Task TwoMessagesAtOnce_AreAnsweredOnceEachAndOneAfterTheOther_WhenEachGoesToADifferentInstance()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var storage = await BotStorage.PostgreSqlAsync();
        await using var connector = await FakeConnector.StartAsync();
        // Slow sends: two turns run side by side would interleave their three replies.
        connector.DelayEachRequest(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), DurabilityRun.Seed);
        using var sender = new ResendingSender();
        var (first, second) = await StartTwoAsync(storage);
        await using var a = first;
        await using var b = second;
        using var chat = new TeamsChat(new HttpClient(), connector, ChatKind.Personal);
        Func<CancellationToken, Task<Uri>> To(BotProcess bot) => _ => Task.FromResult(bot.BaseAddress);

        await ExchangeAsync(chat.Install(), To(a), [""]);
        await ExchangeAsync(chat.Message(CoachingModels.Grow.Command), To(b), [CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]);

        // Help in the middle of a dialog is answered with three messages and leaves the dialog where it was.
        string[] helpAnswer = [BotMessages.Help, BotMessages.ResumeAfterHelp, ConversationFrame.PresentingNeedQuestion];
        var pairs = new List<(Activity, Activity)>();
        for (var round = 0; round < 3; round++)
        {
            var (x, y) = (chat.Message("help"), chat.Message("help"));
            var statuses = await Task.WhenAll(sender.PostAsync(To(a), x, abort.Token), sender.PostAsync(To(b), y, abort.Token));
            Assert.Equal([200, 200], statuses);
            await WaitForAnswerAsync(x, helpAnswer);
            await WaitForAnswerAsync(y, helpAnswer);
            pairs.Add((x, y));
        }

        // Checked once all rounds are done, so that a late second copy of an early answer is seen too.
        var delivered = connector.CallsIn(chat.ConversationId).Where(c => c.Status == 200).ToList();
        foreach (var (x, y) in pairs)
        {
            var xs = Positions(delivered, x.Id!);
            var ys = Positions(delivered, y.Id!);
            Assert.True(xs.Count == helpAnswer.Length && ys.Count == helpAnswer.Length, $"Each message should be answered once ({helpAnswer.Length} replies); got {xs.Count} and {ys.Count}.\n{Describe(delivered)}");
            Assert.True(xs.Max() < ys.Min() || ys.Max() < xs.Min(), $"The replies to the two messages are interleaved: {string.Join(",", xs)} and {string.Join(",", ys)}.\n{Describe(delivered)}");
            foreach (var replies in new[] { xs, ys })
            {
                for (var i = 0; i < helpAnswer.Length; i++)
                {
                    Assert.Contains(helpAnswer[i], TeamsChat.Content(delivered[replies[i]].Activity), StringComparison.Ordinal);
                }
            }
        }

        async Task ExchangeAsync(Activity activity, Func<CancellationToken, Task<Uri>> target, string[] botSays)
        {
            Assert.Equal(200, await sender.PostAsync(target, activity, abort.Token));
            await WaitForAnswerAsync(activity, botSays);
        }

        async Task WaitForAnswerAsync(Activity activity, string[] botSays)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
            wait.CancelAfter(DurabilityRun.AnswerWait);
            try
            {
                await connector.WaitForCallsAsync(
                    chat.ConversationId,
                    calls =>
                    {
                        var replies = GrowWalker.RepliesTo(calls, activity.Id!);
                        return replies.Count >= botSays.Length && botSays.All(f => replies.Any(c => TeamsChat.Content(c.Activity).Contains(f, StringComparison.Ordinal)));
                    },
                    wait.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No whole answer to {activity.Id} within {DurabilityRun.AnswerWait}.\n{Describe(connector.CallsIn(chat.ConversationId))}\nFirst instance:\n{a.RecentOutput}\nSecond instance:\n{b.RecentOutput}");
            }
        }
    }

    /// <summary>Both at once, as a deployment starts its instances: the schema is set up by one of them at a time.</summary>
    private static async Task<(BotProcess, BotProcess)> StartTwoAsync(BotStorage storage)
    {
        var settings = DurabilityRun.Settings(storage.Settings);
        var starting = new[] { BotProcess.StartAsync(storage.DataFolder, settings), BotProcess.StartAsync(storage.DataFolder, settings) };
        try
        {
            var started = await Task.WhenAll(starting);
            return (started[0], started[1]);
        }
        catch
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    private static List<int> Positions(List<RecordedCall> delivered, string activityId) =>
        [.. delivered.Select((call, index) => (call, index)).Where(x => x.call.Activity.ReplyToId == activityId).Select(x => x.index)];

    private static string Describe(IEnumerable<RecordedCall> calls) =>
        string.Join("\n", calls.Select(c => $"{c.Status} {c.Method} replyTo={c.Activity.ReplyToId}: {Shorten(TeamsChat.Content(c.Activity))}"));

    private static string Shorten(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..80].ReplaceLineEndings(" ") + "...";
}
