using CoachingBot.Tests.Support;
using CoachingBot.Storage;

namespace CoachingBot.Tests.Storage;

public abstract class ProcessedActivityStoreContract : StoreContract
{

    private IProcessedActivityStore Store => Host.Get<IProcessedActivityStore>();

    [DatabaseFact]
    public async Task TryMarkAsync_ReturnsTrueThenFalse_ForTheSameActivity()
    {
        Assert.True(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
    }

    [DatabaseTheory]
    [InlineData("a:personal-1", "1700000000001")]
    [InlineData("a:personal-2", "1700000000000")]
    public async Task TryMarkAsync_ReturnsTrue_ForAnotherActivityOrConversation(string conversationId, string activityId)
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");

        Assert.True(await Store.TryMarkAsync(conversationId, activityId));
    }

    [DatabaseFact]
    public async Task TryMarkAsync_Remembers_AcrossARestart()
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");
        await Host.DisposeAsync();

        Host = await StorageTestHost.StartAsync(Database);

        Assert.False(await Store.TryMarkAsync("a:personal-1", "1700000000000"));
    }

    [DatabaseFact]
    public async Task TryMarkAsync_ReturnsTrueExactlyOnce_WhenTwoInstancesRace()
    {
        await using var other = await StorageTestHost.StartAsync(Database);
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

    [DatabaseFact]
    public async Task PruneAsync_ForgetsOnlyActivitiesOlderThanTheAge()
    {
        await Store.TryMarkAsync("a:personal-1", "old");
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        await Store.TryMarkAsync("a:personal-1", "exactly-at-cutoff");
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        await Store.TryMarkAsync("a:personal-1", "recent");

        var pruned = await Store.PruneAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(1, pruned);
        Assert.True(await Store.TryMarkAsync("a:personal-1", "old"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "exactly-at-cutoff"));
        Assert.False(await Store.TryMarkAsync("a:personal-1", "recent"));
    }

    [DatabaseFact]
    public async Task PruneAsync_ReturnsZero_WhenNothingIsOldEnough()
    {
        await Store.TryMarkAsync("a:personal-1", "1700000000000");

        Assert.Equal(0, await Store.PruneAsync(TimeSpan.FromDays(1)));
    }

    [DatabaseFact]
    public async Task PruneAsync_Rejects_ANegativeAge()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PruneAsync(TimeSpan.FromSeconds(-1)));
    }

    [DatabaseTheory]
    [InlineData("", "1")]
    [InlineData("a:personal-1", "")]
    public async Task TryMarkAsync_Rejects_EmptyIds(string conversationId, string activityId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryMarkAsync(conversationId, activityId));
    }
}

public sealed class SqliteProcessedActivityStoreTests : ProcessedActivityStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlProcessedActivityStoreTests(PostgreSqlClassDatabase database) : ProcessedActivityStoreContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
