using System.Threading.RateLimiting;
using CoachingBot.Teams.Connector;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConversationSendLimiterTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AcquireAsync_KeepsEveryTeamsWindow_WhenSendingAsFastAsAllowed()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.MaxValue);
        using var limiter = new ConversationSendLimiter(time, SendRateWindow.TeamsPerConversation, queueLimit: 10);
        var granted = new List<TimeSpan>();

        for (var i = 0; i < 1801; i++)
        {
            using var lease = await limiter.AcquireAsync();
            Assert.True(lease.IsAcquired);
            granted.Add(time.GetUtcNow() - Start);
        }

        Assert.Equal(TimeSpan.Zero, granted[6]); // 7 at once
        Assert.Equal(TimeSpan.FromSeconds(1), granted[7]); // the 8th waits for the 1 s window
        Assert.Equal(TimeSpan.FromSeconds(2), granted[8]); // the 9th for the 2 s window (8 per 2 s)
        Assert.Equal(TimeSpan.FromSeconds(30), granted[60]); // the 61st for the 30 s window
        Assert.Equal(TimeSpan.FromHours(1), granted[1800]); // the 1,801st for the hour
        foreach (var window in SendRateWindow.TeamsPerConversation)
        {
            for (var i = 0; i < granted.Count; i++)
            {
                var inWindow = granted.Count(t => t > granted[i] - window.Length && t <= granted[i]);
                Assert.True(inWindow <= window.Limit, $"{inWindow} sends in the {window.Length} before {granted[i]}");
            }
        }
    }

    [Fact]
    public void AttemptAcquire_RefusesWithRetryAfter_WhenWindowIsFull()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, [new SendRateWindow(TimeSpan.FromSeconds(2), 3)], queueLimit: 10);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(500), retryAfter);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_ServesWaitersInOrder_WhenSeveralWait()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, [new SendRateWindow(TimeSpan.FromSeconds(1), 1)], queueLimit: 10);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);

        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], time.HeldDueIn);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await second.WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await third.WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_RefusesWithoutWaiting_WhenQueueIsFull()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, [new SendRateWindow(TimeSpan.FromSeconds(1), 1)], queueLimit: 2);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        var waiting = new[] { limiter.AcquireAsync().AsTask(), limiter.AcquireAsync().AsTask() };

        using var refused = await limiter.AcquireAsync();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentQueuedCount);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.All(await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10)), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task AcquireAsync_FreesBookedSlot_WhenWaiterIsCancelled()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, [new SendRateWindow(TimeSpan.FromSeconds(1), 1)], queueLimit: 10);
        using var cancellation = new CancellationTokenSource();
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        var cancelled = limiter.AcquireAsync(1, cancellation.Token).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(2), RetryAfterOf(limiter.AttemptAcquire()));

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfterOf(limiter.AttemptAcquire()));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task IdleDuration_IsNullUntilLongestWindowHasPassed_AfterASend()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, SendRateWindow.TeamsPerConversation, queueLimit: 10);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), limiter.IdleDuration);

        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.Null(limiter.IdleDuration);
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Null(limiter.IdleDuration);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(11));
        Assert.Equal(TimeSpan.FromSeconds(11), limiter.IdleDuration);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void AttemptAcquire_Throws_WhenPermitCountIsNotZeroOrOne(int permitCount)
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, SendRateWindow.TeamsPerConversation, queueLimit: 10);

        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(permitCount));
    }

    [Fact]
    public void AttemptAcquire_TakesNothing_WhenPermitCountIsZero()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = new ConversationSendLimiter(time, [new SendRateWindow(TimeSpan.FromSeconds(1), 1)], queueLimit: 10);

        Assert.True(limiter.AttemptAcquire(0).IsAcquired);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        Assert.False(limiter.AttemptAcquire(0).IsAcquired);
    }

    [Fact]
    public async Task CreatePerConversation_PacesEachConversationApart()
    {
        var time = new FakeTimeProvider(Start, holdFrom: TimeSpan.Zero);
        using var limiter = ConversationSendLimiter.CreatePerConversation(time, queueLimit: 10);

        for (var i = 0; i < 7; i++)
        {
            Assert.True((await limiter.AcquireAsync("a:1")).IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire("a:1").IsAcquired);
        Assert.True(limiter.AttemptAcquire("a:2").IsAcquired);
        Assert.True(limiter.AttemptAcquire("A:1").IsAcquired); // ids are compared exactly
    }

    private static TimeSpan? RetryAfterOf(RateLimitLease lease)
    {
        using (lease)
        {
            Assert.False(lease.IsAcquired);
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
        }
    }
}
