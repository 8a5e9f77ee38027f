using CoachingBot.Scheduling;
using CoachingBot.Sessions;
using CoachingBot.Tests.Scheduling;
using CoachingBot.Tests.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

public sealed class IdleConversationSweeperTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scheduler_KeepsConversationsIdleForAWeekAsDrafts_OnTheSweepersFirstRun()
    {
        var store = new RecordingStore();
        await using var host = await SchedulerTestHost.StartAsync(_folder.Path, new FakeTimeProvider(Now), new Firings(), configure: services =>
        {
            services.AddSingleton<ICoachingConversationStore>(store);
            services.AddRecurringJob<IdleConversationSweeper>(IdleConversationSweeper.JobName, IdleConversationSweeper.Interval);
        });

        var idleSince = await store.Called.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Now - TimeSpan.FromDays(7), idleSince);
    }

    private sealed class RecordingStore : ICoachingConversationStore
    {
        public TaskCompletionSource<DateTimeOffset> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> MarkIdleAsDraftsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
        {
            Called.TrySetResult(idleSince);
            return Task.FromResult(0);
        }

        public Task SaveAsync(CoachingConversation conversation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CoachingConversation?> FindAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CoachingConversation?> FindUnfinishedAsync(string ownerUserId, string chatId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CoachingConversation>> ListAsync(string ownerUserId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
