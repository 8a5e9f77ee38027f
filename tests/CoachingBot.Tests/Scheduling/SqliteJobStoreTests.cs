using CoachingBot.Scheduling;
using CoachingBot.Tests.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachingBot.Tests.Scheduling;

/// <summary>
/// The scheduler on a real SQLite file, one instance at a time, on a clock that moves only when told to: the
/// assertions never depend on how fast the machine is, only the waits for a firing are bounded.
/// </summary>
public sealed class SqliteJobStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiringTimeout = TimeSpan.FromSeconds(60);

    private readonly TestFolder _folder = new();
    private readonly Firings _firings = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ScheduleOnceAsync_FiresOnceAfterStart_WhenItFellDueWhileNoInstanceRan()
    {
        var key = new JobKey("check-in-user-1", "tests");
        var dueAt = Start + TimeSpan.FromMinutes(10);
        await using (var first = await StartAsync())
        {
            await first.Jobs.ScheduleOnceAsync<RecordingJob>(key, dueAt, new Dictionary<string, string> { ["user"] = "user-1" });
            Assert.True(await (await first.SchedulerAsync()).Exists(key));
        }

        Assert.Empty(_firings.All);

        _clock.Advance(TimeSpan.FromHours(1));
        await using (var second = await StartAsync())
        {
            await _firings.WaitForAsync(1, FiringTimeout);
        }

        await using (var third = await StartAsync())
        {
            Assert.False(await (await third.SchedulerAsync()).Exists(key));
        }

        var firing = Assert.Single(_firings.All);
        Assert.Equal(key.Name, firing.Job);
        Assert.Equal(dueAt, firing.ScheduledFor);
        Assert.Equal("user-1", firing.Data["user"]);
    }

    [Fact]
    public async Task ScheduleOnceAsync_ReplacesTheEarlierSchedule_WhenTheSameKeyIsScheduledAgain()
    {
        var key = new JobKey("check-in-user-2", "tests");
        await using (var first = await StartAsync())
        {
            await first.Jobs.ScheduleOnceAsync<RecordingJob>(key, Start + TimeSpan.FromDays(2), new Dictionary<string, string> { ["n"] = "1" });
            await first.Jobs.ScheduleOnceAsync<RecordingJob>(key, Start + TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["n"] = "2" });
        }

        _clock.Advance(TimeSpan.FromMinutes(30));
        await using (var second = await StartAsync())
        {
            await _firings.WaitForAsync(1, FiringTimeout);
        }

        var firing = Assert.Single(_firings.All);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), firing.ScheduledFor);
        Assert.Equal("2", firing.Data["n"]);
    }

    [Fact]
    public async Task CancelAsync_RemovesAScheduledJob_SoThatItNeverFires()
    {
        var key = new JobKey("check-in-user-3", "tests");
        await using (var first = await StartAsync())
        {
            await first.Jobs.ScheduleOnceAsync<RecordingJob>(key, Start + TimeSpan.FromMinutes(5));
            Assert.True(await first.Jobs.CancelAsync(key));
            Assert.False(await first.Jobs.CancelAsync(key));
        }

        _clock.Advance(TimeSpan.FromHours(1));
        await using var second = await StartAsync();
        Assert.False(await (await second.SchedulerAsync()).Exists(key));
    }

    [Fact]
    public async Task AddRecurringJob_RunsAtStart_KeepsItsTimeOverARestart_AndRunsOnceForRunsMissedWhileStopped()
    {
        var interval = TimeSpan.FromHours(1);
        var triggerKey = new TriggerKey("recording", SchedulingExtensions.RecurringGroup);
        void Declare(IServiceCollection services) => services.AddRecurringJob<RecordingJob>("recording", interval);

        await using (var first = await StartAsync(Declare))
        {
            await _firings.WaitForAsync(1, FiringTimeout);
        }

        // Started again within the interval: the declaration replaces the stored trigger, which carries on from its last run.
        await using (var second = await StartAsync(Declare))
        {
            var trigger = await (await second.SchedulerAsync()).GetTrigger(triggerKey);
            Assert.Equal(Start + interval, trigger?.NextFireTimeUtc);
        }

        Assert.Single(_firings.All);

        // Five runs missed while stopped: one run at start, then every interval from then on.
        _clock.Advance(TimeSpan.FromHours(5.5));
        await using (var third = await StartAsync(Declare))
        {
            await _firings.WaitForAsync(2, FiringTimeout);
            var trigger = await (await third.SchedulerAsync()).GetTrigger(triggerKey);
            Assert.Equal(_clock.GetUtcNow() + interval, trigger?.NextFireTimeUtc);
        }

        Assert.Equal(2, _firings.All.Count);
        Assert.Equal(Start, _firings.All[0].ScheduledFor);
    }

    [Fact]
    public async Task Start_LogsNothingAboveInformation_OnAFreshAndOnAMigratedDatabase()
    {
        await using (var first = await StartAsync())
        {
            Assert.Empty(first.Logs.Entries.Where(e => e.Level > LogLevel.Information).Select(e => $"{e.Category}: {e.Message}"));
        }

        await using var second = await StartAsync();
        Assert.Empty(second.Logs.Entries.Where(e => e.Level > LogLevel.Information).Select(e => $"{e.Category}: {e.Message}"));
    }

    private Task<SchedulerTestHost> StartAsync(Action<IServiceCollection>? configure = null) =>
        SchedulerTestHost.StartAsync(_folder.Path, _clock, _firings, configure: configure);
}
