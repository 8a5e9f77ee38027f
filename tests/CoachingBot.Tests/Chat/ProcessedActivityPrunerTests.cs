using CoachingBot.Chat;
using CoachingBot.Scheduling;
using CoachingBot.Storage;
using CoachingBot.Tests.Scheduling;
using CoachingBot.Tests.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Chat;

public sealed class ProcessedActivityPrunerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scheduler_ForgetsActivitiesOlderThanADay_OnThePrunersFirstRun()
    {
        var store = new RecordingStore();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SchedulerTestHost.StartAsync(_folder.Path, clock, new Firings(), configure: services =>
        {
            services.AddSingleton<IProcessedActivityStore>(store);
            services.AddRecurringJob<ProcessedActivityPruner>(ProcessedActivityPruner.JobName, ProcessedActivityPruner.Interval);
        });

        var olderThan = await store.Pruned.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(TimeSpan.FromDays(1), olderThan);
    }

    private sealed class RecordingStore : IProcessedActivityStore
    {
        public TaskCompletionSource<TimeSpan> Pruned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
        {
            Pruned.TrySetResult(olderThan);
            return Task.FromResult(0);
        }

        public Task<bool> TryMarkAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
