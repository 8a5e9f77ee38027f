using CoachingBot.Tests.Support;
using CoachingBot.Teams.Dialogs;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Tests.Storage;

public abstract class DialogStateStoreContract : StoreContract
{
    private const string Key = "msteams/a:personal-1/29:user-1";


    private IDialogStateStore Store => Host.Get<IDialogStateStore>();

    [DatabaseFact]
    public async Task ReadAsync_ReturnsNull_WhenNothingIsStored()
    {
        Assert.Null(await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task WriteAsync_CreatesState_WhenETagIsNull()
    {
        var etag = await Store.WriteAsync(Key, "{\"step\":1}", etag: null);

        var state = await Store.ReadAsync(Key);
        Assert.Equal(new StoredDialogState("{\"step\":1}", etag), state);
        Assert.Matches("^[0-9a-f]{32}$", etag);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(StorageTestHost.Start, (await db.DialogStates.SingleAsync()).UpdatedAt);
    }

    [DatabaseFact]
    public async Task WriteAsync_ReplacesStateAndETagAndTime_WhenETagMatches()
    {
        var first = await Store.WriteAsync(Key, "{\"step\":1}", etag: null);
        Host.Time.Advance(TimeSpan.FromMinutes(3));

        var second = await Store.WriteAsync(Key, "{\"step\":2}", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredDialogState("{\"step\":2}", second), await Store.ReadAsync(Key));
        await using var db = await Host.CreateDbContextAsync();
        var record = await db.DialogStates.SingleAsync();
        Assert.Equal(StorageTestHost.Start.AddMinutes(3), record.UpdatedAt);
    }

    [DatabaseFact]
    public async Task WriteAsync_ThrowsConflictAndKeepsTheStoredState_WhenETagIsStale()
    {
        var first = await Store.WriteAsync(Key, "{\"step\":1}", etag: null);
        var second = await Store.WriteAsync(Key, "{\"step\":2}", first);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => Store.WriteAsync(Key, "{\"step\":\"stale\"}", first));

        Assert.Equal(new StoredDialogState("{\"step\":2}", second), await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task WriteAsync_ThrowsConflictAndKeepsTheFirstState_WhenCreatedTwice()
    {
        var first = await Store.WriteAsync(Key, "{\"by\":\"first\"}", etag: null);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => Store.WriteAsync(Key, "{\"by\":\"second\"}", etag: null));

        Assert.Equal(new StoredDialogState("{\"by\":\"first\"}", first), await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task WriteAsync_ThrowsConflict_WhenETagIsGivenButNothingIsStored()
    {
        await Assert.ThrowsAsync<DialogStateConflictException>(() => Store.WriteAsync(Key, "{}", "0123456789abcdef0123456789abcdef"));

        Assert.Null(await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task WriteAsync_KeepsKeysApart()
    {
        await Store.WriteAsync(Key, "{\"who\":\"one\"}", etag: null);
        await Store.WriteAsync(Key + "/other", "{\"who\":\"two\"}", etag: null);

        Assert.Equal("{\"who\":\"one\"}", (await Store.ReadAsync(Key))?.Json);
        Assert.Equal("{\"who\":\"two\"}", (await Store.ReadAsync(Key + "/other"))?.Json);
    }

    [DatabaseFact]
    public async Task DeleteAsync_RemovesState_WhenETagMatches()
    {
        var etag = await Store.WriteAsync(Key, "{}", etag: null);

        await Store.DeleteAsync(Key, etag);

        Assert.Null(await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task DeleteAsync_ThrowsConflictAndKeepsState_WhenETagIsStale()
    {
        var first = await Store.WriteAsync(Key, "{\"step\":1}", etag: null);
        var second = await Store.WriteAsync(Key, "{\"step\":2}", first);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => Store.DeleteAsync(Key, first));

        Assert.Equal(new StoredDialogState("{\"step\":2}", second), await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task DeleteAsync_RemovesWhateverIsStored_WhenETagIsNull()
    {
        var first = await Store.WriteAsync(Key, "{\"step\":1}", etag: null);
        await Store.WriteAsync(Key, "{\"step\":2}", first);

        await Store.DeleteAsync(Key, etag: null);

        Assert.Null(await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task DeleteAsync_Succeeds_WhenNothingIsStoredAndNoETagIsGiven()
    {
        await Store.DeleteAsync(Key, etag: null);

        Assert.Null(await Store.ReadAsync(Key));
    }

    [DatabaseFact]
    public async Task DeleteAsync_ThrowsConflict_WhenStateReadIsAlreadyGone()
    {
        // Another writer ended the same dialog first: this turn ran on stale state and must run again.
        var etag = await Store.WriteAsync(Key, "{}", etag: null);
        await Store.DeleteAsync(Key, etag: null);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => Store.DeleteAsync(Key, etag));
    }

    [DatabaseTheory]
    [InlineData(0)]
    [InlineData(513)]
    public async Task Methods_RejectTheKey_WhenEmptyOrLongerThan512(int length)
    {
        var key = new string('k', length);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(key, "{}", etag: null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(key, etag: null));
    }

    [DatabaseFact]
    public async Task WriteAsync_AcceptsAKeyOf512Characters()
    {
        var key = new string('k', 512);

        var etag = await Store.WriteAsync(key, "{}", etag: null);

        Assert.Equal(etag, (await Store.ReadAsync(key))?.ETag);
    }

    [DatabaseFact]
    public async Task WriteAsync_LetsExactlyOneWriterWin_WhenTwoInstancesWriteWithTheSameETag()
    {
        await using var other = await StorageTestHost.StartAsync(Database);
        var stores = new[] { Store, other.Get<IDialogStateStore>() };
        var etag = await Store.WriteAsync(Key, "{\"round\":0}", etag: null);

        for (var round = 1; round <= 10; round++)
        {
            var read = await stores[round % 2].ReadAsync(Key);
            Assert.Equal(etag, read?.ETag);
            var attempts = stores
                .Select((store, writer) => Task.Run(async () =>
                {
                    var json = $"{{\"round\":{round},\"writer\":{writer}}}";
                    try
                    {
                        return (Json: json, ETag: (string?)await store.WriteAsync(Key, json, read!.ETag));
                    }
                    catch (DialogStateConflictException)
                    {
                        return (Json: json, ETag: (string?)null);
                    }
                }))
                .ToArray();
            var outcomes = await Task.WhenAll(attempts);

            var winner = Assert.Single(outcomes, o => o.ETag is not null);
            Assert.Equal(new StoredDialogState(winner.Json, winner.ETag!), await Store.ReadAsync(Key));
            etag = winner.ETag!;
        }
    }
}

public sealed class SqliteDialogStateStoreTests : DialogStateStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlDialogStateStoreTests(PostgreSqlClassDatabase database) : DialogStateStoreContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
