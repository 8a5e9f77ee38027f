using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class InMemoryDialogStateStoreTests
{
    private const string Key = "msteams/a:1";

    [Fact]
    public async Task WriteAsync_ReturnsANewETagEachTime_AndReadReturnsTheLatest()
    {
        var store = new InMemoryDialogStateStore();

        var first = await store.WriteAsync(Key, "one", null);
        var second = await store.WriteAsync(Key, "two", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredDialogState("two", second), await store.ReadAsync(Key));
        Assert.Null(await store.ReadAsync("msteams/other"));
    }

    [Theory]
    [InlineData(true, null)] // create over existing state
    [InlineData(true, "stale")] // stale ETag
    [InlineData(false, "stale")] // update of state that is gone
    public async Task WriteAsync_Conflicts_WhenTheETagDoesNotMatch(bool exists, string? etag)
    {
        var store = new InMemoryDialogStateStore();
        if (exists)
        {
            await store.WriteAsync(Key, "theirs", null);
        }

        await Assert.ThrowsAsync<DialogStateConflictException>(() => store.WriteAsync(Key, "mine", etag));

        Assert.Equal(exists ? "theirs" : null, (await store.ReadAsync(Key))?.Json);
    }

    [Fact]
    public async Task DeleteAsync_RemovesState_WhenTheETagMatchesOrIsNull()
    {
        var store = new InMemoryDialogStateStore();
        var etag = await store.WriteAsync(Key, "one", null);
        await store.DeleteAsync(Key, etag);
        await store.WriteAsync(Key, "two", null);
        await store.DeleteAsync(Key, null);

        Assert.Equal(0, store.Count);
        await store.DeleteAsync(Key, null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteAsync_Conflicts_WhenTheETagIsStaleOrTheStateIsGone(bool exists)
    {
        var store = new InMemoryDialogStateStore();
        if (exists)
        {
            await store.WriteAsync(Key, "theirs", null);
        }

        await Assert.ThrowsAsync<DialogStateConflictException>(() => store.DeleteAsync(Key, "stale"));

        Assert.Equal(exists ? 1 : 0, store.Count);
    }

    [Fact]
    public async Task WriteAsync_LetsExactlyOneOfManyConcurrentWritersWin_WhenTheyReadTheSameETag()
    {
        var store = new InMemoryDialogStateStore();
        var etag = await store.WriteAsync(Key, "start", null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync(Key, $"writer {i}", etag);
                return true;
            }
            catch (DialogStateConflictException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
    }
}
