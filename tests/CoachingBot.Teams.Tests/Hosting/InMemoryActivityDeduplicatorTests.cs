using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class InMemoryActivityDeduplicatorTests
{
    [Fact]
    public async Task TryBeginAsync_ReturnsFalse_WhenSameActivityInSameConversation()
    {
        var deduplicator = new InMemoryActivityDeduplicator(new ManualClock());
        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1"));
        Assert.False(await deduplicator.TryBeginAsync("a:1", "m1"));
        Assert.True(await deduplicator.TryBeginAsync("a:2", "m1"));
        Assert.True(await deduplicator.TryBeginAsync("a:1", "m2"));
    }

    [Fact]
    public async Task TryBeginAsync_ForgetsId_WhenRetentionHasPassed()
    {
        var clock = new ManualClock();
        var deduplicator = new InMemoryActivityDeduplicator(clock);
        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1"));
        clock.Advance(InMemoryActivityDeduplicator.Retention + TimeSpan.FromMinutes(2));
        Assert.True(await deduplicator.TryBeginAsync("a:1", "other"));
        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1"));
    }

    [Fact]
    public async Task TryBeginAsync_AdmitsExactlyOne_WhenConcurrent()
    {
        var deduplicator = new InMemoryActivityDeduplicator(new ManualClock());
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => deduplicator.TryBeginAsync("a:1", "m1").AsTask())));
        Assert.Single(results, r => r);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
