using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachingBot.Tests.Sessions;

public sealed class IdleConversationSweeperTests
{
    [Fact]
    public async Task StartAsync_KeepsConversationsIdleForAWeekAsDrafts_OnItsFirstRun()
    {
        var clock = new TestClock();
        var store = new RecordingStore();
        using var sweeper = new IdleConversationSweeper(store, clock, NullLogger<IdleConversationSweeper>.Instance);

        await sweeper.StartAsync(CancellationToken.None);
        var idleSince = await store.Called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await sweeper.StopAsync(CancellationToken.None);

        var expected = TestClock.DefaultStart - TimeSpan.FromDays(7);
        Assert.InRange(idleSince, expected, expected + TimeSpan.FromMinutes(1));
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
