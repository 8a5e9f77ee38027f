using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoachingBot.Tests.Storage.CoachingSamples;

namespace CoachingBot.Tests.Storage;

public abstract class ActionStoreContract : StoreContract
{
    private CoachingConversation _conversation = null!;

    private IActionStore Store => Host.Get<IActionStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _conversation = Full();
        await Host.Get<ICoachingConversationStore>().SaveAsync(_conversation);
    }

    [DatabaseFact]
    public async Task ListForConversationAsync_ReturnsEveryField_OfTheSavedActions()
    {
        var full = Action(_conversation.Id, AwkwardText[..60]) with
        {
            Status = ActionStatus.InProgress,
            Confidence = 10,
            CreatedAt = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(5.5)).AddTicks(3),
            UpdatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(-3)),
        };
        var bare = Action(_conversation.Id, "x") with { Support = null, Confidence = 1, CreatedAt = full.CreatedAt.AddTicks(1) };

        await Store.SaveAsync([full, bare]);

        Assert.Equal([full, bare], await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task SaveAsync_WritesTheStatusByName_AndTheDateAsIsoText()
    {
        var action = Action(_conversation.Id) with { Status = ActionStatus.InProgress, ByWhen = new DateOnly(2027, 1, 9) };

        await Store.SaveAsync([action]);

        await using var db = await Host.CreateDbContextAsync();
        var row = await db.Database
            .SqlQueryRaw<string>("SELECT \"Status\" || '|' || CAST(\"ByWhen\" AS TEXT) AS \"Value\" FROM action_items")
            .SingleAsync();
        Assert.Equal("InProgress|2027-01-09", row);
    }

    [DatabaseFact]
    public async Task SaveAsync_ReplacesTheAction_WhenSavedAgainWithTheSameId()
    {
        var action = Action(_conversation.Id);
        await Store.SaveAsync([action]);
        var changed = action with { What = "Book it for Monday", Support = null, Status = ActionStatus.Done, UpdatedAt = action.UpdatedAt.AddDays(1) };

        await Store.SaveAsync([changed]);

        Assert.Equal([changed], await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task SaveAsync_DoesNothing_WhenThereAreNoActions()
    {
        await Store.SaveAsync([]);

        Assert.Empty(await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task SaveAsync_EndsWithOneRowAndNoError_WhenTheSameActionIsSavedConcurrently()
    {
        var action = Action(_conversation.Id);
        var versions = Enumerable.Range(0, 16).Select(i => action with { Confidence = i + 1 }).ToArray();

        await Task.WhenAll(versions.Select(v => Task.Run(() => Store.SaveAsync([v]))));

        var stored = Assert.Single(await Store.ListForConversationAsync(_conversation.Id));
        Assert.Contains(stored, versions);
    }

    [DatabaseFact]
    public async Task SaveAsync_RefusesAndSavesNone_WhenAnActionsConversationWasNeverSaved()
    {
        var unknown = Guid.NewGuid();
        var good = Action(_conversation.Id);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveAsync([good, Action(unknown)]));

        Assert.Contains(unknown.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseTheory]
    [InlineData("what empty")]
    [InlineData("what blank")]
    [InlineData("what 301")]
    [InlineData("support 301")]
    [InlineData("no owner")]
    [InlineData("empty id")]
    [InlineData("empty conversation id")]
    [InlineData("unknown status")]
    public async Task SaveAsync_RefusesAndSavesNone_WhenAnActionIsInvalid(string flaw)
    {
        var valid = Action(_conversation.Id);
        var invalid = flaw switch
        {
            "what empty" => valid with { What = "" },
            "what blank" => valid with { What = " \n " },
            "what 301" => valid with { What = new string('w', 301) },
            "support 301" => valid with { Support = new string('s', 301) },
            "no owner" => valid with { OwnerUserId = "" },
            "empty id" => valid with { Id = Guid.Empty },
            "empty conversation id" => valid with { ConversationId = Guid.Empty },
            "unknown status" => valid with { Status = (ActionStatus)9 },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync([Action(_conversation.Id), invalid]));

        Assert.Empty(await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task SaveAsync_Accepts_TheLongestWhatAndSupport()
    {
        var action = Action(_conversation.Id, new string('w', 300)) with { Support = new string('s', 300) };

        await Store.SaveAsync([action]);

        Assert.Equal([action], await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task ListOpenAsync_ReturnsOpenAndInProgress_SoonestFirstThenOldestFirst()
    {
        var other = await SaveConversationAsync(Bare());
        DateOnly day = new(2026, 12, 4);
        var start = StorageTestHost.Start;
        var dueLaterButFirstCreated = Action(_conversation.Id, "later") with { ByWhen = day.AddDays(1), CreatedAt = start.AddDays(-9) };
        var dueSoonCreatedSecond = Action(other.Id, "soon, second") with { ByWhen = day, CreatedAt = start.AddMinutes(2), Status = ActionStatus.InProgress };
        var dueSoonCreatedFirst = Action(_conversation.Id, "soon, first") with { ByWhen = day, CreatedAt = start.AddMinutes(1) };
        var overdue = Action(other.Id, "overdue") with { ByWhen = day.AddMonths(-1), CreatedAt = start.AddMinutes(3) };
        var nextYear = Action(_conversation.Id, "next year") with { ByWhen = new DateOnly(2027, 1, 2), CreatedAt = start.AddDays(-30) };
        var notListed = new[]
        {
            Action(_conversation.Id, "done") with { ByWhen = day.AddMonths(-2), Status = ActionStatus.Done },
            Action(_conversation.Id, "dropped") with { ByWhen = day.AddMonths(-2), Status = ActionStatus.Dropped },
            Action(_conversation.Id, "someone else's", owner: "29:user-2") with { ByWhen = day.AddMonths(-2) },
        };
        await Store.SaveAsync([nextYear, dueSoonCreatedSecond, dueLaterButFirstCreated, .. notListed, dueSoonCreatedFirst, overdue]);

        var open = await Store.ListOpenAsync(Owner);

        Assert.Equal(
            [overdue.What, dueSoonCreatedFirst.What, dueSoonCreatedSecond.What, dueLaterButFirstCreated.What, nextYear.What],
            open.Select(a => a.What));
    }

    [DatabaseTheory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Dropped)]
    [InlineData(ActionStatus.InProgress)]
    [InlineData(ActionStatus.Open)]
    public async Task SetStatusAsync_ChangesTheStatusAndUpdatedAt_ForTheOwner(ActionStatus status)
    {
        var action = Action(_conversation.Id) with { Status = ActionStatus.InProgress };
        var neighbour = Action(_conversation.Id, "untouched");
        await Store.SaveAsync([action, neighbour]);
        Host.Time.Advance(TimeSpan.FromHours(30));

        Assert.True(await Store.SetStatusAsync(action.Id, Owner, status));

        var stored = await Store.ListForConversationAsync(_conversation.Id);
        Assert.Equal(action with { Status = status, UpdatedAt = StorageTestHost.Start.AddHours(30) }, stored.Single(a => a.Id == action.Id));
        Assert.Equal(neighbour, stored.Single(a => a.Id == neighbour.Id));
    }

    [DatabaseTheory]
    [InlineData("29:user-2", false)]
    [InlineData("29:USER-1", false)]
    [InlineData("29:user-1", true)]
    public async Task SetStatusAsync_ReturnsFalseAndChangesNothing_ForAnotherUserOrAnUnknownId(string requester, bool unknownId)
    {
        var action = Action(_conversation.Id);
        await Store.SaveAsync([action]);
        Host.Time.Advance(TimeSpan.FromHours(1));

        Assert.False(await Store.SetStatusAsync(unknownId ? Guid.NewGuid() : action.Id, requester, ActionStatus.Done));

        Assert.Equal([action], await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task SetStatusAsync_Refuses_AnUnknownStatus()
    {
        var action = Action(_conversation.Id);
        await Store.SaveAsync([action]);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetStatusAsync(action.Id, Owner, (ActionStatus)(-1)));

        Assert.Equal([action], await Store.ListForConversationAsync(_conversation.Id));
    }

    [DatabaseFact]
    public async Task DeletingAConversationRow_DeletesItsActions_AndOnlyThose()
    {
        var other = await SaveConversationAsync(Bare());
        var kept = Action(other.Id, "kept");
        await Store.SaveAsync([Action(_conversation.Id, "one"), Action(_conversation.Id, "two"), kept]);

        // Straight SQL, not EF's tracked cascade: the database itself must remove the actions.
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"DELETE FROM coaching_conversations WHERE \"Id\" = {_conversation.Id}"));
        }

        Assert.Empty(await Store.ListForConversationAsync(_conversation.Id));
        Assert.Equal([kept], await Store.ListOpenAsync(Owner));
    }

    private async Task<CoachingConversation> SaveConversationAsync(CoachingConversation conversation)
    {
        await Host.Get<ICoachingConversationStore>().SaveAsync(conversation);
        return conversation;
    }
}

public sealed class SqliteActionStoreTests : ActionStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlActionStoreTests(PostgreSqlClassDatabase database) : ActionStoreContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
