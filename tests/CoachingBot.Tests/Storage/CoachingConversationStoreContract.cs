using System.Data.Common;
using System.Globalization;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoachingBot.Tests.Storage.CoachingSamples;

namespace CoachingBot.Tests.Storage;

public abstract class CoachingConversationStoreContract : StoreContract
{

    private ICoachingConversationStore Store => Host.Get<ICoachingConversationStore>();

    [DatabaseFact]
    public async Task FindAsync_ReturnsEveryField_OfAFullConversation()
    {
        var conversation = Full();

        await Store.SaveAsync(conversation);

        AssertSameConversation(conversation, await Store.FindAsync(conversation.Id));
    }

    [DatabaseFact]
    public async Task FindAsync_ReturnsEveryField_AcrossARestart()
    {
        var conversation = Full();
        await Store.SaveAsync(conversation);
        await Host.DisposeAsync();

        Host = await StorageTestHost.StartAsync(Database);

        AssertSameConversation(conversation, await Store.FindAsync(conversation.Id));
    }

    [DatabaseFact]
    public async Task FindAsync_ReturnsEmptyPartsAndNulls_OfABareConversation()
    {
        var conversation = Bare();

        await Store.SaveAsync(conversation);

        var found = await Store.FindAsync(conversation.Id);
        AssertSameConversation(conversation, found);
        Assert.Empty(found!.Answers);
        Assert.Empty(found.Options);
        Assert.Empty(found.FirstRatings);
        Assert.Null(found.Goal);
        Assert.Null(found.FollowUpOn);
        Assert.Null(found.CompletedAt);
    }

    [DatabaseFact]
    public async Task FindAsync_ReturnsNull_WhenTheIdIsUnknown()
    {
        await Store.SaveAsync(Full());

        Assert.Null(await Store.FindAsync(Guid.NewGuid()));
    }

    [DatabaseFact]
    public async Task SaveAsync_WritesReadableColumns_StatusByNameDatesAsIsoTextJsonInCamelCase()
    {
        var conversation = Full();

        await Store.SaveAsync(conversation);

        var row = await RowAsync(conversation.Id, "Status", "FollowUpOn", "GoalJson", "OptionsJson", "AnswersJson", "FirstRatingsJson", "StartedAt");
        Assert.Equal("Completed", row["Status"]);
        Assert.Equal("2026-12-01", row["FollowUpOn"]);
        Assert.Contains("\"targetDate\":\"2027-02-28\"", row["GoalJson"], StringComparison.Ordinal);
        Assert.DoesNotContain("\"achievable\"", row["GoalJson"], StringComparison.Ordinal);
        Assert.StartsWith("[{\"text\":\"Talk to my manager\",\"impact\":5", row["OptionsJson"], StringComparison.Ordinal);
        Assert.Contains("\"WillStage\":", row["AnswersJson"], StringComparison.Ordinal);
        Assert.Contains("\u65e5\u672c\u8a9e", row["AnswersJson"], StringComparison.Ordinal);
        Assert.Equal("{\"focus\":5,\"informed\":1,\"Scope\":3}", row["FirstRatingsJson"]);
        Assert.Equal(conversation.StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), row["StartedAt"]);
    }

    [DatabaseFact]
    public async Task SaveAsync_ReplacesEveryField_WhenSavedAgain()
    {
        var first = Full();
        await Store.SaveAsync(first);
        var second = Bare(first.Id) with
        {
            OwnerName = "Renamed",
            Status = ConversationStatus.Draft,
            Answers = new Dictionary<string, string> { ["current"] = "Only this now" },
            UpdatedAt = first.UpdatedAt.AddMinutes(3),
        };

        await Store.SaveAsync(second);

        AssertSameConversation(second, await Store.FindAsync(first.Id));
        Assert.Equal(1, await CountAsync());
    }

    [DatabaseFact]
    public async Task SaveAsync_EndsWithOneRowAndNoError_WhenTheSameConversationIsSavedConcurrentlyByTwoInstances()
    {
        await using var other = await StorageTestHost.StartAsync(Database);
        var stores = new[] { Store, other.Get<ICoachingConversationStore>() };
        var id = Guid.NewGuid();
        var versions = Enumerable.Range(0, 24)
            .Select(i => Full(id) with { Answers = new Dictionary<string, string> { ["reality"] = $"version {i}" } })
            .ToArray();

        await Task.WhenAll(versions.Select((version, i) => Task.Run(() => stores[i % 2].SaveAsync(version))));

        Assert.Equal(1, await CountAsync());
        var stored = await Store.FindAsync(id);
        Assert.NotNull(stored);
        Assert.Contains(versions, v => v.Answers["reality"] == stored.Answers["reality"]);
    }

    [DatabaseTheory]
    [InlineData("empty id")]
    [InlineData("no owner")]
    [InlineData("no chat")]
    [InlineData("no model")]
    [InlineData("unknown status")]
    public async Task SaveAsync_RefusesAndStoresNothing_WhenTheConversationLacksWhatTheStoreNeeds(string flaw)
    {
        var conversation = flaw switch
        {
            "empty id" => Full(Guid.Empty),
            "no owner" => Full() with { OwnerUserId = "" },
            "no chat" => Full() with { ChatId = "" },
            "no model" => Full() with { ModelId = null! },
            "unknown status" => Full() with { Status = (ConversationStatus)42 },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(conversation));

        Assert.Equal(0, await CountAsync());
    }

    [DatabaseFact]
    public async Task FindAsync_ThrowsNamingTheRowAndColumn_WhenAJsonColumnIsCorrupt()
    {
        var conversation = Full();
        await Store.SaveAsync(conversation);
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.CoachingConversations.Where(r => r.Id == conversation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.OptionsJson, "[{\"text\": oops"));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.FindAsync(conversation.Id));

        Assert.Contains(conversation.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("OptionsJson", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", error.Message, StringComparison.Ordinal);
    }

    // The target: owner 29:user-1 in chat a:personal-1. A and B are two of their conversations there; the others
    // (another chat, another owner, a newer completed one) are always present and must never be chosen.
    [DatabaseTheory]
    [InlineData(ConversationStatus.Active, 1, ConversationStatus.Draft, 2, "B")]
    [InlineData(ConversationStatus.Active, 2, ConversationStatus.Draft, 1, "A")]
    [InlineData(ConversationStatus.Draft, 1, ConversationStatus.Draft, 2, "B")]
    [InlineData(ConversationStatus.Active, 2, ConversationStatus.Active, 1, "A")]
    [InlineData(ConversationStatus.Completed, 3, ConversationStatus.Draft, 1, "B")]
    [InlineData(ConversationStatus.Active, 1, ConversationStatus.Completed, 3, "A")]
    [InlineData(ConversationStatus.Completed, 1, ConversationStatus.Completed, 2, null)]
    public async Task FindUnfinishedAsync_ReturnsTheOwnersLatestActiveOrDraft_InThatChat(
        ConversationStatus statusA, int minutesA, ConversationStatus statusB, int minutesB, string? expected)
    {
        var a = At(Bare(), statusA, minutesA);
        var b = At(Bare(), statusB, minutesB);
        await Store.SaveAsync(a);
        await Store.SaveAsync(b);
        await Store.SaveAsync(At(Bare() with { ChatId = "19:group-1@thread.v2" }, ConversationStatus.Active, 10));
        await Store.SaveAsync(At(Bare() with { OwnerUserId = "29:user-2" }, ConversationStatus.Active, 10));
        await Store.SaveAsync(At(Bare() with { OwnerUserId = "29:USER-1" }, ConversationStatus.Draft, 10));
        await Store.SaveAsync(At(Bare(), ConversationStatus.Completed, 10));

        var found = await Store.FindUnfinishedAsync(Owner, PersonalChatId);

        Assert.Equal(expected switch { "A" => a.Id, "B" => b.Id, _ => (Guid?)null }, found?.Id);
    }

    [DatabaseFact]
    public async Task FindUnfinishedAsync_ReturnsNull_WhenTheOwnerHasNothingInThatChat()
    {
        await Store.SaveAsync(Bare() with { ChatId = "19:other@thread.v2" });

        Assert.Null(await Store.FindUnfinishedAsync(Owner, PersonalChatId));
    }

    [DatabaseFact]
    public async Task ListAsync_ReturnsTheOwnersConversations_MostRecentlyUpdatedFirst()
    {
        var older = At(Bare(), ConversationStatus.Completed, 1);
        var newest = At(Bare() with { ChatId = "19:group-1@thread.v2" }, ConversationStatus.Draft, 3);
        var middle = At(Full(), ConversationStatus.Active, 2);
        foreach (var conversation in new[] { older, newest, middle })
        {
            await Store.SaveAsync(conversation);
        }

        await Store.SaveAsync(At(Bare() with { OwnerUserId = "29:user-2" }, ConversationStatus.Active, 4));

        var list = await Store.ListAsync(Owner);

        Assert.Equal([newest.Id, middle.Id, older.Id], list.Select(c => c.Id));
        AssertSameConversation(middle, list[1]);
    }

    [DatabaseFact]
    public async Task ListAsync_ReturnsNothing_ForAnOwnerWithoutConversations()
    {
        await Store.SaveAsync(Full());

        Assert.Empty(await Store.ListAsync("29:nobody"));
    }

    // Relative to the cutoff, in ticks; the cutoff is written in the given offset (the same instant).
    [DatabaseTheory]
    [InlineData(-1, 0, ConversationStatus.Draft)]
    [InlineData(-TimeSpan.TicksPerDay, 0, ConversationStatus.Draft)]
    [InlineData(0, 0, ConversationStatus.Active)]
    [InlineData(1, 0, ConversationStatus.Active)]
    [InlineData(-1, 2, ConversationStatus.Draft)]
    [InlineData(0, -7, ConversationStatus.Active)]
    public async Task MarkIdleAsDraftsAsync_TurnsOnlyConversationsUpdatedBeforeTheCutoff_IntoDrafts(
        long updatedTicksFromCutoff, int cutoffOffsetHours, ConversationStatus expected)
    {
        Host.Time.Advance(TimeSpan.FromDays(8));
        var cutoff = Host.Time.GetUtcNow() - TimeSpan.FromDays(7);
        var conversation = Bare() with { UpdatedAt = cutoff.AddTicks(updatedTicksFromCutoff) };
        await Store.SaveAsync(conversation);

        var marked = await Store.MarkIdleAsDraftsAsync(cutoff.ToOffset(TimeSpan.FromHours(cutoffOffsetHours)));

        Assert.Equal(expected == ConversationStatus.Draft ? 1 : 0, marked);
        var stored = await Store.FindAsync(conversation.Id);
        Assert.Equal(expected, stored?.Status);
        Assert.Equal(conversation.UpdatedAt, stored?.UpdatedAt);
    }

    [DatabaseFact]
    public async Task MarkIdleAsDraftsAsync_CountsAndChangesOnlyIdleActiveConversations()
    {
        var cutoff = StorageTestHost.Start;
        var idle = new[] { Bare(), Bare() with { OwnerUserId = "29:user-2" } }
            .Select(c => c with { UpdatedAt = cutoff.AddHours(-1) })
            .ToArray();
        var untouched = new[]
        {
            Bare() with { UpdatedAt = cutoff.AddHours(1) },
            Full() with { UpdatedAt = cutoff.AddDays(-30) },
            Bare() with { Status = ConversationStatus.Draft, UpdatedAt = cutoff.AddDays(-30) },
        };
        foreach (var conversation in idle.Concat(untouched))
        {
            await Store.SaveAsync(conversation);
        }

        Assert.Equal(2, await Store.MarkIdleAsDraftsAsync(cutoff));

        foreach (var conversation in idle)
        {
            AssertSameConversation(conversation with { Status = ConversationStatus.Draft }, await Store.FindAsync(conversation.Id));
        }

        foreach (var conversation in untouched)
        {
            AssertSameConversation(conversation, await Store.FindAsync(conversation.Id));
        }

        Assert.Equal(0, await Store.MarkIdleAsDraftsAsync(cutoff));
    }

    private static CoachingConversation At(CoachingConversation conversation, ConversationStatus status, int minutes) =>
        conversation with { Status = status, UpdatedAt = StorageTestHost.Start.AddMinutes(minutes) };

    private async Task<int> CountAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        return await db.CoachingConversations.CountAsync();
    }

    /// <summary>The row's columns as SQLite hands them back, as text: what is really in the file.</summary>
    private async Task<Dictionary<string, string>> RowAsync(Guid id, params string[] columns)
    {
        await using var db = await Host.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"CAST(\"{c}\" AS TEXT)"))} FROM coaching_conversations WHERE \"Id\" = @id";
        // The id as the provider stores it (upper-case text on SQLite, uuid on PostgreSQL), by the model's own mapping.
        var idMapping = db.Model.FindEntityType(typeof(CoachingBot.Storage.CoachingConversationRecord))!.FindProperty("Id")!.GetRelationalTypeMapping();
        command.Parameters.Add(idMapping.CreateParameter(command, "id", id));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row with that id");
        return columns.Select((c, i) => (c, reader.GetString(i))).ToDictionary(p => p.c, p => p.Item2);
    }
}

public sealed class SqliteCoachingConversationStoreTests : CoachingConversationStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlCoachingConversationStoreTests(PostgreSqlClassDatabase database) : CoachingConversationStoreContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
