using CoachingBot.Sessions;
using CoachingBot.Storage;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Tests.Storage;

/// <summary>A database made by an earlier release, brought up to date by a start of this one.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private const string Initial = "20261122000001_Initial";
    private const string CoachingConversations = "20261122000002_CoachingConversations";
    private const string DurableTurns = "20261203102443_DurableTurns";

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_AppliesOnlyTheNewMigration_AndKeepsEveryRowOfAnInitialDatabase()
    {
        var etag = await CreateInitialDatabaseWithRowsAsync();

        await using var host = await StorageTestHost.StartAsync(_folder);

        var applied = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
        await using (var db = await host.CreateDbContextAsync())
        {
            var after = db.Database.GetMigrations().Skip(1).ToList();
            Assert.Equal($"Applied {after.Count} database migrations, up to {after[^1]}", applied.Message);
        }

        Assert.Empty(host.Logs.Entries.Where(e => e.Level > LogLevel.Information).Select(e => e.Message));

        Assert.Equal(new StoredDialogState("{\"step\":3}", etag), await host.Get<IDialogStateStore>().ReadAsync("conversation-1"));
        var conversation = await host.Get<IConversationStore>().FindAsync("a:personal-1");
        Assert.NotNull(conversation);
        Assert.Equal("Europe/London", conversation.TimeZone);
        Assert.Equal("29:user-1", conversation.UserId);
        Assert.Equal(StorageTestHost.Start, conversation.InstalledAt);
    }

    [Fact]
    public async Task Start_GivesAnUpgradedDatabaseWorkingCoachingTables()
    {
        await CreateInitialDatabaseWithRowsAsync();

        await using var host = await StorageTestHost.StartAsync(_folder);

        var coaching = CoachingSamples.Full();
        var action = CoachingSamples.Action(coaching.Id);
        await host.Get<ICoachingConversationStore>().SaveAsync(coaching);
        await host.Get<IActionStore>().SaveAsync([action]);
        CoachingSamples.AssertSameConversation(coaching, await host.Get<ICoachingConversationStore>().FindAsync(coaching.Id));
        Assert.Equal([action], await host.Get<IActionStore>().ListOpenAsync(action.OwnerUserId));
    }

    [Fact]
    public async Task MigrateBackToInitial_DropsTheCoachingTables_AndKeepsTheInitialRows()
    {
        var etag = await CreateInitialDatabaseWithRowsAsync();
        await using (var host = await StorageTestHost.StartAsync(_folder))
        {
            await host.Get<ICoachingConversationStore>().SaveAsync(CoachingSamples.Full());
        }

        using var v1 = BuildUnstartedHost();
        await using (var db = await CreateDbContextAsync(v1))
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);

            Assert.Equal([Initial], await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(
                ["conversations", "dialog_states", "processed_activities"],
                await db.Database
                    .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '!_!_EF%' ESCAPE '!' ORDER BY name")
                    .ToListAsync());
        }

        Assert.Equal(etag, (await v1.Services.GetRequiredService<IDialogStateStore>().ReadAsync("conversation-1"))?.ETag);
    }

    /// <summary>What the Initial release left: its schema only, and a row in each of its tables. Returns the state's ETag.</summary>
    private async Task<string> CreateInitialDatabaseWithRowsAsync()
    {
        using var v1 = BuildUnstartedHost();
        v1.Services.GetRequiredService<DatabaseLocation>().EnsureFoldersExist();
        await using (var db = await CreateDbContextAsync(v1))
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);
            Assert.Equal([Initial], await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Skip(1), await db.Database.GetPendingMigrationsAsync());
            Assert.Contains(DurableTurns, await db.Database.GetPendingMigrationsAsync());
        }

        var etag = await v1.Services.GetRequiredService<IDialogStateStore>().WriteAsync("conversation-1", "{\"step\":3}", etag: null);
        var reference = ConversationReferences.Personal();
        await using (var db = await CreateDbContextAsync(v1))
        {
            // As the Initial release stored it: today's store writes columns that schema does not have.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO conversations (\"ConversationId\", \"ChannelId\", \"ServiceUrl\", \"UserId\", \"UserName\", \"TimeZone\", \"InstalledAt\", \"UpdatedAt\", \"ReferenceJson\") VALUES ({0}, {1}, {2}, {3}, {4}, 'Europe/London', {5}, {5}, {6})",
                reference.Conversation!.Id!, reference.ChannelId!, reference.ServiceUrl!, reference.User!.Id!, reference.User.Name!, StorageTestHost.Start.UtcTicks, Teams.Schema.BotJson.Serialize(reference));
        }

        await using (var db = await CreateDbContextAsync(v1))
        {
            // The Initial release's de-duplication record; DurableTurns replaces it with the turn inbox.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO processed_activities (\"Key\", \"SeenAt\") VALUES ('a:personal-1|1700000000000', 0)");
        }

        return etag;
    }

    // Not started, so its migrator does not run: the test decides how far the schema goes.
    private IHost BuildUnstartedHost() =>
        StorageTestHost.Build(_folder.Path, new FakeTimeProvider(StorageTestHost.Start), new CapturedLogs());

    private static Task<CoachingDbContext> CreateDbContextAsync(IHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();
}
