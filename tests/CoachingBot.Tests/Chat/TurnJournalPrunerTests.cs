using CoachingBot.Chat;
using CoachingBot.Scheduling;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Scheduling;
using CoachingBot.Tests.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Chat;

public sealed class TurnJournalPrunerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scheduler_ForgetsFinishedTurnsOlderThanADay_OnThePrunersFirstRun()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using (var setup = await SchedulerTestHost.StartAsync(_folder.Path, clock, new Firings()))
        {
            var journal = setup.Host.Services.GetRequiredService<ITurnJournal>();
            var lease = (await journal.TryClaimLaneAsync("a:personal-1", "me", TimeSpan.FromSeconds(30)))!;
            await journal.CompleteTurnAsync(lease, (await journal.AcceptAsync(Message("old"), runsInline: false))!, [], []);
            clock.Advance(TimeSpan.FromHours(23));
            await journal.CompleteTurnAsync(lease, (await journal.AcceptAsync(Message("recent"), runsInline: false))!, [], []);
            clock.Advance(TimeSpan.FromHours(2));
        }

        await using var host = await SchedulerTestHost.StartAsync(_folder.Path, clock, new Firings(), configure: services =>
            services.AddRecurringJob<TurnJournalPruner>(TurnJournalPruner.JobName, TurnJournalPruner.Interval));
        var pruned = host.Host.Services.GetRequiredService<ITurnJournal>();

        // The old turn's id is accepted again once it is forgotten; the recent one is still refused as a resend.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await IsRememberedAsync(pruned, "old"))
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.True(await IsRememberedAsync(pruned, "recent"));
    }

    private static async Task<bool> IsRememberedAsync(ITurnJournal journal, string id)
    {
        // Accepting the id again tells whether it is remembered; a probe that goes in stays, which ends the wait.
        var probe = await journal.AcceptAsync(Message(id), runsInline: true);
        return probe is null;
    }

    private static Activity Message(string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.test/",
        Conversation = new ConversationAccount { Id = "a:personal-1" },
    };
}
