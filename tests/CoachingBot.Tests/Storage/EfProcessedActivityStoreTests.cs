using CoachingBot.Tests.Support;
using CoachingBot.Storage;

namespace CoachingBot.Tests.Storage;

public sealed class EfProcessedActivityStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TestFolder _folder = new();
    private StorageTestHost _host = null!;

    private IProcessedActivityStore Store => _host.Get<IProcessedActivityStore>();

    public async Task InitializeAsync() => _host = await StorageTestHost.StartAsync(_folder);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // xunit calls this after DisposeAsync, once the host has let go of the database.
    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TryMarkAsync_ReturnsTrueThenFalse_ForTheSameActivity()
    {
        Assert.True(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
    }

    [Theory]
    [InlineData("a:personal-1", "1700000000001")]
    [InlineData("a:personal-2", "1700000000000")]
    public async Task TryMarkAsync_ReturnsTrue_ForAnotherActivityOrConversation(string conversationId, string activityId)
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");

        Assert.True(await Store.TryMarkAsync(conversationId, activityId));
    }

    [Fact]
    public async Task TryMarkAsync_Remembers_AcrossARestart()
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");
        await _host.DisposeAsync();

        _host = await StorageTestHost.StartAsync(_folder);

        Assert.False(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
    }

    [Fact]
    public async Task TryMarkAsync_ReturnsTrueExactlyOnce_WhenTwoInstancesRace()
    {
        await using var other = await StorageTestHost.StartAsync(_folder);
        var stores = new[] { Store, other.Get<IProcessedActivityStore>() };

        for (var round = 0; round < 5; round++)
        {
            var activityId = $"resent-{round}";
            var attempts = Enumerable.Range(0, 16)
                .Select(i => Task.Run(() => stores[i % 2].TryMarkAsync("a:personal-1", activityId)))
                .ToArray();

            var results = await Task.WhenAll(attempts);

            Assert.Single(results, marked => marked);
        }
    }

    [Fact]
    public async Task PruneAsync_ForgetsOnlyActivitiesOlderThanTheAge()
    {
        await Store.TryMarkAsync("a:personal-1", "old");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await Store.TryMarkAsync("a:personal-1", "exactly-at-cutoff");
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await Store.TryMarkAsync("a:personal-1", "recent");

        var pruned = await Store.PruneAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(1, pruned);
        Assert.True(await Store.TryMarkAsync("a:personal-1", "old"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "exactly-at-cutoff"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "recent"));
    }

    [Fact]
    public async Task PruneAsync_ReturnsZero_WhenNothingIsOldEnough()
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");

        Assert.Equal(0, await Store.PruneAsync(TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task PruneAsync_Rejects_ANegativeAge()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PruneAsync(TimeSpan.FromSeconds(-1)));
    }

    [Theory]
    [InlineData("", "1")]
    [InlineData("a:personal-1", "")]
    public async Task TryMarkAsync_Rejects_EmptyIds(string conversationId, string activityId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryMarkAsync(conversationId, activityId));
    }
}
