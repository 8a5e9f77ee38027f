using System.Data.Common;
using System.Globalization;
using CoachingBot.Storage;
using CoachingBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CoachingBot.Storage.PostgreSql;
using CoachingBot.Storage.Sqlite;
using Npgsql;

namespace CoachingBot.Tests.Storage;

/// <summary>
/// The migrations of one provider, run once per provider by a subclass: each test starts on an empty database of its
/// own. Checks that hold whatever the provider are here; the subclasses add what only that provider has.
/// </summary>
public abstract class MigrationContract : IAsyncLifetime
{
    private protected static readonly string[] ModelTables =
        ["action_items", "coaching_conversations", "conversation_lanes", "conversations", "dialog_states", "turn_inbox", "turn_outbox"];

    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    /// <summary>A database with nothing in it yet.</summary>
    protected abstract Task<TestDatabase> CreateEmptyDatabaseAsync();

    /// <summary>The tables in the database, EF's own left out, by name.</summary>
    private protected abstract Task<string[]> UserTablesAsync(CoachingDbContext db);

    /// <summary>Every column of every table but EF's own, as <c>table.column</c>.</summary>
    private protected abstract Task<HashSet<string>> ColumnsAsync(CoachingDbContext db);

    public async Task InitializeAsync() => _database = await CreateEmptyDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [DatabaseFact]
    public async Task Start_CreatesAllTables_WhenDatabaseIsEmpty()
    {
        await using var host = await StorageTestHost.StartAsync(Database);

        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(ModelTables, await UserTablesAsync(db));
        Assert.Equal(
            db.Database.GetMigrations(),
            await db.Database.GetAppliedMigrationsAsync());
    }

    [DatabaseFact]
    public async Task Start_KeepsDataAndAppliesNothing_WhenStartedASecondTime()
    {
        await using (var first = await StorageTestHost.StartAsync(Database))
        {
            await first.Get<Teams.Dialogs.IDialogStateStore>().WriteAsync("conversation-1", "{\"step\":1}", etag: null);
        }

        await using var second = await StorageTestHost.StartAsync(Database);

        var state = await second.Get<Teams.Dialogs.IDialogStateStore>().ReadAsync("conversation-1");
        Assert.Equal("{\"step\":1}", state?.Json);
        await using var db = await second.CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.DoesNotContain(second.Logs.Entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
        Assert.Contains(
            second.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal)),
            e => e.Message.Contains("No migrations were applied", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Start_LogsNothingAboveInformation_OnAFreshOrAMigratedDatabase()
    {
        await using (var first = await StorageTestHost.StartAsync(Database))
        {
            Assert.Empty(first.Logs.Entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
        }

        await using var second = await StorageTestHost.StartAsync(Database);

        Assert.Empty(second.Logs.Entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
    }

    [DatabaseFact]
    public async Task Migrations_StartWithAnInitialMigration()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();

        Assert.EndsWith("_Initial", db.Database.GetMigrations().First(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Model_MatchesTheSnapshot_SoNoMigrationIsMissing()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();

        var snapshotModel = FinalizedSnapshot(db);
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.True(
            differences.Count == 0,
            "The model differs from CoachingDbContextModelSnapshot; add a migration and update the snapshot: "
            + string.Join("; ", differences.Select(Describe)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>
    /// The snapshot's model, finalized unless it already is: EF caches the snapshot in its internal services, which
    /// the app's pooled contexts share with every other host in this test process, and a finalized model cannot be
    /// finalized again.
    /// </summary>
    private static IModel FinalizedSnapshot(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.NotNull(snapshot);
        return snapshot.Model is IMutableModel mutable and Annotatable { IsReadOnly: false } ? mutable.FinalizeModel() : snapshot.Model;
    }

    // SQLite shows neither max lengths nor CLR types in its schema, and EF's differ compares store types only,
    // so these facets (which PostgreSQL will enforce) are compared here, provider-independently.
    [DatabaseFact]
    public async Task Snapshot_HasTheModelsColumnFacets()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();
        var snapshotModel = FinalizedSnapshot(db);
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);

        Assert.Equal(
            ColumnFacets(db.GetService<IDesignTimeModel>().Model.GetRelationalModel(), withConcurrency: true),
            ColumnFacets(snapshotModel.GetRelationalModel(), withConcurrency: true));
    }

    [DatabaseFact]
    public async Task Migrations_DeclareTheModelsColumnFacets()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();
        var migrations = db.GetService<IMigrationsAssembly>();
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var id in migrations.Migrations.Keys.Order(StringComparer.Ordinal))
        {
            var migration = migrations.CreateMigration(migrations.Migrations[id], db.Database.ProviderName!);
            foreach (var operation in migration.UpOperations)
            {
                Replay(tables, operation);
            }
        }

        var declared = tables
            .SelectMany(t => t.Value.Select(c => $"{t.Key}.{c.Key} {c.Value}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(ColumnFacets(db.GetService<IDesignTimeModel>().Model.GetRelationalModel(), withConcurrency: false), declared);
    }

    [DatabaseFact]
    public async Task EveryEntity_RoundTripsEveryProperty_ThroughTheMigratedSchema()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        IReadOnlyList<(IEntityType Type, object Entity)> written;
        await using (var db = await host.CreateDbContextAsync())
        {
            written = db.Model.GetEntityTypes().Select(t => (Type: (IEntityType)t, Entity: SampleOf(t))).ToList();
            foreach (var (_, entity) in written)
            {
                db.Add(entity);
            }

            await db.SaveChangesAsync();
        }

        Assert.NotEmpty(written);
        await using (var db = await host.CreateDbContextAsync())
        {
            foreach (var (type, entity) in written)
            {
                var key = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity)).ToArray();
                var read = await db.FindAsync(type.ClrType, key);
                Assert.NotNull(read);
                foreach (var property in type.GetProperties())
                {
                    Assert.Equal(property.GetGetter().GetClrValue(entity), property.GetGetter().GetClrValue(read));
                }
            }
        }
    }

    /// <remarks>
    /// Generic over the migrations: the database goes to the migration before the last, a sample row goes into every
    /// column that exists there, and a start of this version must apply the last migration and keep every value.
    /// With a single migration the previous version is the empty database, so there is nothing to keep and this checks
    /// only the migration from nothing (PostgreSQL, until its second migration: from then on it checks kept data).
    /// </remarks>
    [DatabaseFact]
    public async Task Start_KeepsEveryValue_OfADatabaseAtThePreviousMigration()
    {
        List<string> migrations;
        List<(IEntityType Type, object Entity, List<IProperty> Stored)> written;
        using (var previousRelease = StorageTestHost.Build(Database, new FakeTimeProvider(StorageTestHost.Start), new CapturedLogs()))
        {
            previousRelease.Services.GetRequiredService<DatabaseLocation>().EnsureFoldersExist();
            await using var db = await previousRelease.Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();
            migrations = [.. db.Database.GetMigrations()];
            var previous = migrations.Count >= 2 ? migrations[^2] : Migration.InitialDatabase;
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal(migrations.Count >= 2 ? [.. migrations[..^1]] : [], await db.Database.GetAppliedMigrationsAsync());
            written = await InsertSamplesIntoExistingColumnsAsync(db);
        }

        await using var host = await StorageTestHost.StartAsync(Database);

        var applied = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
        Assert.Equal($"Applied {(migrations.Count >= 2 ? 1 : migrations.Count)} database migrations, up to {migrations[^1]}", applied.Message);
        if (migrations.Count >= 2)
        {
            Assert.NotEmpty(written);
        }

        await using var upgraded = await host.CreateDbContextAsync();
        foreach (var (type, entity, stored) in written)
        {
            var key = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity)).ToArray();
            var read = await upgraded.FindAsync(type.ClrType, key);
            Assert.NotNull(read);
            foreach (var property in stored)
            {
                Assert.Equal(property.GetGetter().GetClrValue(entity), property.GetGetter().GetClrValue(read));
            }
        }
    }

    [DatabaseFact]
    public async Task Start_AppliesEachMigrationOnce_WhenTwoInstancesStartTogetherOnAnEmptyDatabase()
    {
        var logs = new[] { new CapturedLogs(), new CapturedLogs() };
        var hosts = logs.Select(l => StorageTestHost.Build(Database, new FakeTimeProvider(StorageTestHost.Start), l)).ToArray();
        try
        {
            await Task.WhenAll(hosts.Select(h => Task.Run(() => h.StartAsync())));

            var entries = logs.SelectMany(l => l.Entries).ToList();
            var applied = Assert.Single(entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
            await using var db = await hosts[0].Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();
            var migrations = db.Database.GetMigrations().ToList();
            Assert.Equal($"Applied {migrations.Count} database migrations, up to {migrations[^1]}", applied.Message);
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(ModelTables, await UserTablesAsync(db));
            Assert.Empty(entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    [DatabaseFact]
    public async Task Start_WaitsForTheMigrationLock_WhileAnotherInstanceHoldsIt()
    {
        var logs = new CapturedLogs();
        using var host = StorageTestHost.Build(Database, new FakeTimeProvider(StorageTestHost.Start), logs);
        Task starting;
        await using (await HoldMigrationLockAsync(host.Services.GetRequiredService<DatabaseLocation>()))
        {
            starting = Task.Run(() => host.StartAsync());
            await logs.WaitForAsync(e => e.Message == "Waiting for another instance to finish migrating the database")
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.False(starting.IsCompleted);
            Assert.DoesNotContain(logs.Entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Single(logs.Entries, e => e.Message.StartsWith("Applied", StringComparison.Ordinal));
        await host.StopAsync();
    }

    /// <summary>Takes the lock that a migrating instance holds, as another instance would.</summary>
    private protected abstract Task<IAsyncDisposable> HoldMigrationLockAsync(DatabaseLocation location);

    /// <summary>A sample row in every table, with a value in each column that exists; principals first, for the foreign keys.</summary>
    private async Task<List<(IEntityType Type, object Entity, List<IProperty> Stored)>> InsertSamplesIntoExistingColumnsAsync(CoachingDbContext db)
    {
        var columns = await ColumnsAsync(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var written = new List<(IEntityType, object, List<IProperty>)>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var type in db.Model.GetEntityTypes().OrderBy(t => t.GetForeignKeys().Count()))
            {
                var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
                var stored = type.GetProperties().Where(p => columns.Contains($"{table.Name}.{p.GetColumnName(table)}")).ToList();
                if (stored.Count == 0)
                {
                    continue;
                }

                var entity = SampleOf(type);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText =
                    $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
                    + $"({string.Join(", ", stored.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
                    + $"VALUES ({string.Join(", ", stored.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < stored.Count; i++)
                {
                    command.Parameters.Add(stored[i].GetRelationalTypeMapping().CreateParameter(
                        command, $"p{i}", stored[i].GetGetter().GetClrValue(entity), stored[i].IsNullable));
                }

                Assert.Equal(1, await command.ExecuteNonQueryAsync());
                written.Add((type, entity, stored));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return written;
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AddColumnOperation add => $"add column {add.Table}.{add.Name}",
        DropColumnOperation drop => $"drop column {drop.Table}.{drop.Name}",
        AlterColumnOperation alter => $"alter column {alter.Table}.{alter.Name}",
        CreateTableOperation create => $"create table {create.Name}",
        DropTableOperation drop => $"drop table {drop.Name}",
        CreateIndexOperation index => $"create index {index.Name}",
        DropIndexOperation index => $"drop index {index.Name}",
        _ => operation.GetType().Name,
    };

    private static string Facets(Type clrType, bool isNullable, int? maxLength) =>
        $"clr={(Nullable.GetUnderlyingType(clrType) ?? clrType).Name} null={isNullable} max={maxLength?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    private static string[] ColumnFacets(IRelationalModel model, bool withConcurrency) =>
    [
        .. model.Tables
            .SelectMany(t => t.Columns)
            .Select(c =>
            {
                var property = c.PropertyMappings[0].Property;
                var facets = $"{c.Table.Name}.{c.Name} {Facets(c.ProviderClrType, c.IsNullable, property.GetMaxLength())}";
                return withConcurrency ? $"{facets} concurrency={property.IsConcurrencyToken}" : facets;
            })
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Applies a migration operation to a table/column map; unknown operations fail so the test is extended.</summary>
    private static void Replay(Dictionary<string, Dictionary<string, string>> tables, MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation create:
                tables.Add(create.Name, create.Columns.ToDictionary(
                    c => c.Name, c => Facets(c.ClrType, c.IsNullable, c.MaxLength), StringComparer.Ordinal));
                break;
            case DropTableOperation drop:
                Assert.True(tables.Remove(drop.Name), $"drop of unknown table {drop.Name}");
                break;
            case AddColumnOperation add:
                tables[add.Table].Add(add.Name, Facets(add.ClrType, add.IsNullable, add.MaxLength));
                break;
            case AlterColumnOperation alter:
                Assert.True(tables[alter.Table].ContainsKey(alter.Name), $"alter of unknown column {alter.Table}.{alter.Name}");
                tables[alter.Table][alter.Name] = Facets(alter.ClrType, alter.IsNullable, alter.MaxLength);
                break;
            case DropColumnOperation drop:
                Assert.True(tables[drop.Table].Remove(drop.Name), $"drop of unknown column {drop.Table}.{drop.Name}");
                break;
            case CreateIndexOperation or DropIndexOperation:
                // Indexes are compared against the real schema in MigratedSchema_MatchesTheModel_ForEveryTable.
                break;
            case SqlOperation sql when sql.Sql.Contains("QRTZ_", StringComparison.OrdinalIgnoreCase):
                // Quartz's job-store tables: written as SQL, outside the EF model, and checked by Quartz at start.
                break;
            default:
                Assert.Fail($"Teach {nameof(Replay)} the {operation.GetType().Name} operation.");
                break;
        }
    }

    // One Guid for every Guid property, so that each foreign key finds its principal among the samples.
    private static readonly Guid SampleGuid = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    private protected static object SampleOf(IReadOnlyEntityType type)
    {
        var entity = Activator.CreateInstance(type.ClrType)!;
        foreach (var property in type.GetProperties())
        {
            var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            object value = clrType switch
            {
                _ when clrType == typeof(string) => $"{type.ClrType.Name}.{property.Name} é ✓",
                _ when clrType == typeof(Guid) => SampleGuid,
                _ when clrType == typeof(int) => -7,
                // Not the default, so a value that is not stored reads back differently.
                _ when clrType == typeof(bool) => true,
                // The last day of February in a leap year: a day that a wrong calendar shift would move.
                _ when clrType == typeof(DateOnly) => new DateOnly(2028, 2, 29),
                // The last member: not the default, so a value that is not stored reads back differently.
                _ when clrType.IsEnum => Enum.GetValues(clrType).GetValue(Enum.GetValues(clrType).Length - 1)!,
                // A non-UTC offset: the stored value must be the same instant.
                _ when clrType == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 29, 1, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
                _ => throw new NotSupportedException($"Add a sample value for {clrType} ({type.ClrType.Name}.{property.Name})."),
            };
            property.PropertyInfo!.SetValue(entity, value);
        }

        return entity;
    }

    private protected static async Task<List<string>> QueryAsync(DbConnection connection, string sql, string? table, Func<DbDataReader, string> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (table is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$table";
            parameter.Value = table;
            command.Parameters.Add(parameter);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private protected static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteMigrationTests : MigrationContract
{
    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => TestDatabase.SqliteAsync();

    [Fact]
    public async Task Start_CreatesAllTables_WhenTheFileIsEmpty()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Database.Folder.DefaultDatabasePath)!);
        await File.WriteAllBytesAsync(Database.Folder.DefaultDatabasePath, []);

        await using var host = await StorageTestHost.StartAsync(Database);

        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(ModelTables, await UserTablesAsync(db));
        Assert.Equal(
            db.Database.GetMigrations(),
            await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrations_StartWithTheInitialMigration()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();

        Assert.Equal("20261122000001_Initial", db.Database.GetMigrations().First());
    }

    [Fact]
    public async Task MigratedSchema_MatchesTheModel_ForEveryTable()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), await UserTablesAsync(db));
        foreach (var table in model.Tables)
        {
            var expectedColumns = table.Columns
                .Select(c => $"{c.Name} {c.StoreType.ToUpperInvariant()} notnull={!c.IsNullable} pk={table.PrimaryKey!.Columns.Contains(c)}")
                .Order(StringComparer.Ordinal);
            var actualColumns = (await QueryAsync(
                    connection,
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info($table)",
                    table.Name,
                    r => $"{r.GetString(0)} {r.GetString(1).ToUpperInvariant()} notnull={r.GetInt64(2) == 1} pk={r.GetInt64(3) > 0}"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expectedColumns, actualColumns);

            var expectedIndexes = table.Indexes
                .Select(i => $"{i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}")
                .Order(StringComparer.Ordinal);
            var actualIndexes = (await QueryAsync(
                    connection,
                    // origin 'c': made by CREATE INDEX (not the primary key's own index).
                    """
                    SELECT il.name, group_concat(ii.name, ', '), il."unique"
                    FROM pragma_index_list($table) AS il JOIN pragma_index_info(il.name) AS ii
                    WHERE il.origin = 'c' GROUP BY il.name, il."unique"
                    """,
                    table.Name,
                    r => $"{r.GetString(0)} ({r.GetString(1)}) unique={r.GetInt64(2) == 1}"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expectedIndexes, actualIndexes);

            var expectedForeignKeys = table.ForeignKeyConstraints
                .Select(fk => $"({string.Join(", ", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} "
                    + $"({string.Join(", ", fk.PrincipalColumns.Select(c => c.Name))}) on delete {ToSql(fk.OnDeleteAction)}")
                .Order(StringComparer.Ordinal);
            var actualForeignKeys = (await QueryAsync(
                    connection,
                    """
                    SELECT group_concat("from", ', '), "table", group_concat("to", ', '), on_delete
                    FROM pragma_foreign_key_list($table) GROUP BY id, "table", on_delete
                    """,
                    table.Name,
                    r => $"({r.GetString(0)}) -> {r.GetString(1)} ({r.GetString(2)}) on delete {r.GetString(3)}"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expectedForeignKeys, actualForeignKeys);
        }
    }

    private static string ToSql(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    [Fact]
    public async Task Start_SetsWalBusyTimeoutAndForeignKeys_OnTheContextsConnections()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("5000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA synchronous"));
    }

    [Fact]
    public async Task Start_CreatesARelativeDataFolderUnderTheContentRoot_AndLogsTheDatabasePathOnly()
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataFolder"] = "nested/deeper" };

        await using var host = await StorageTestHost.StartAsync(Database, settings: settings);

        var expectedPath = Path.Combine(Database.Folder.Path, "nested", "deeper", "coachingbot.db");
        Assert.True(File.Exists(expectedPath));
        var entry = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Using SQLite database", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, entry.Level);
        Assert.Contains(entry.State, kv => kv.Key == "DatabasePath" && Equals(kv.Value, expectedPath));
        Assert.Equal("Using SQLite database {DatabasePath}", entry.State.Single(kv => kv.Key == "{OriginalFormat}").Value);
    }

    [Fact]
    public async Task Start_UsesTheConfiguredConnectionString_ResolvingARelativeFileAgainstTheContentRoot()
    {
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = "Data Source=custom/bot.db;Cache=Shared" };

        await using var host = await StorageTestHost.StartAsync(Database, settings: settings);

        Assert.True(File.Exists(Path.Combine(Database.Folder.Path, "custom", "bot.db")));
        Assert.False(File.Exists(Database.Folder.DefaultDatabasePath));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("Cache=Shared", StringComparison.OrdinalIgnoreCase));
    }

    /// <remarks>
    /// EF's own SQLite lock is a row that a killed instance leaves behind, and EF would wait for it forever; under the
    /// bot's own lock (which dies with its holder) the row is known to be stale and removed.
    /// </remarks>
    [Fact]
    public async Task Start_RemovesAStaleEfMigrationLock_LeftByAKilledInstance()
    {
        using (var killed = StorageTestHost.Build(Database, new FakeTimeProvider(StorageTestHost.Start), new CapturedLogs()))
        {
            killed.Services.GetRequiredService<DatabaseLocation>().EnsureFoldersExist();
            await using var db = await killed.Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-22 08:00:00+00:00')");
        }

        var logs = new CapturedLogs();
        using var host = StorageTestHost.Build(Database, new FakeTimeProvider(StorageTestHost.Start), logs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);

        var warning = Assert.Single(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal("Removed EF's migration lock, left by an instance that stopped while migrating", warning.Message);
        await using var migrated = await host.Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
        await host.StopAsync();
    }

    private protected override Task<IAsyncDisposable> HoldMigrationLockAsync(DatabaseLocation location)
    {
        location.EnsureFoldersExist();
        return Task.FromResult<IAsyncDisposable>(
            new FileStream(SqliteStorage.MigrationLockPath(location), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
    }

    private protected override async Task<HashSet<string>> ColumnsAsync(CoachingDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return [.. await QueryAsync(
                db.Database.GetDbConnection(),
                """
                SELECT m.name || '.' || c.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite!_%' ESCAPE '!' AND m.name NOT LIKE '!_!_EF%' ESCAPE '!'
                """,
                table: null,
                r => r.GetString(0))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private protected override async Task<string[]> UserTablesAsync(CoachingDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var names = await QueryAsync(
                connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name NOT LIKE '!_!_EF%' ESCAPE '!' AND name NOT LIKE 'QRTZ!_%' ESCAPE '!'",
                table: null,
                r => r.GetString(0));
            return [.. names.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

[UsesPostgreSql]
public sealed class PostgreSqlMigrationTests(PostgreSqlClassDatabase database) : MigrationContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => database.ForNextTestAsync(withoutSchema: true);

    [DatabaseFact]
    public async Task Start_CreatesTheDatabase_WhenItDoesNotExist()
    {
        await using var missing = PostgreSqlTestDatabase.NotCreated();

        await using var host = await StorageTestHost.StartAsync(missing);

        Assert.Empty(host.Logs.Entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(
            ["action_items", "coaching_conversations", "conversation_lanes", "conversations", "dialog_states", "turn_inbox", "turn_outbox"],
            await UserTablesAsync(db));
    }

    [DatabaseFact]
    public async Task Start_LogsTheHostAndDatabase_AndNeitherUserNorPassword()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(Database.Settings["Storage:ConnectionString"]) { Password = "hunter2" }.ConnectionString,
        };

        await using var host = await StorageTestHost.StartAsync(Database, settings: settings);

        var builder = new NpgsqlConnectionStringBuilder(settings["Storage:ConnectionString"]);
        var entry = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Using PostgreSQL database", StringComparison.Ordinal));
        Assert.Equal($"Using PostgreSQL database {builder.Host}:{builder.Port}/{builder.Database}", entry.Message);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task MigratedSchema_MatchesTheModel_ForEveryTable()
    {
        await using var host = await StorageTestHost.StartAsync(Database);
        await using var db = await host.CreateDbContextAsync();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

        Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), await UserTablesAsync(db));
        foreach (var table in model.Tables)
        {
            Assert.Equal(
                table.Columns
                    .Select(c => $"{c.Name} {c.StoreType} notnull={!c.IsNullable} pk={table.PrimaryKey!.Columns.Contains(c)}")
                    .Order(StringComparer.Ordinal),
                (await CatalogAsync(
                    db,
                    table.Name,
                    """
                    SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || CASE WHEN a.attnotnull THEN 'True' ELSE 'False' END
                        || ' pk=' || CASE WHEN EXISTS (
                            SELECT 1 FROM pg_constraint p WHERE p.conrelid = a.attrelid AND p.contype = 'p' AND a.attnum = ANY (p.conkey))
                            THEN 'True' ELSE 'False' END
                    FROM pg_attribute a
                    WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(@table))::regclass AND a.attnum > 0 AND NOT a.attisdropped
                    """)).Order(StringComparer.Ordinal));

            Assert.Equal(
                table.Indexes
                    .Select(i => $"{i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}")
                    .Order(StringComparer.Ordinal),
                (await CatalogAsync(
                    db,
                    table.Name,
                    """
                    SELECT c.relname || ' (' || string_agg(a.attname, ', ' ORDER BY k.ordinality) || ') unique='
                        || CASE WHEN i.indisunique THEN 'True' ELSE 'False' END
                    FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid
                    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(@table))::regclass AND NOT i.indisprimary
                    GROUP BY c.relname, i.indisunique
                    """)).Order(StringComparer.Ordinal));

            Assert.Equal(
                table.ForeignKeyConstraints
                    .Select(fk => $"({string.Join(", ", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} "
                        + $"({string.Join(", ", fk.PrincipalColumns.Select(c => c.Name))}) on delete {fk.OnDeleteAction}")
                    .Order(StringComparer.Ordinal),
                (await CatalogAsync(
                    db,
                    table.Name,
                    """
                    SELECT '(' || (SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality) FROM unnest(f.conkey) WITH ORDINALITY AS k(attnum, ordinality)
                                   JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum)
                        || ') -> ' || r.relname || ' ('
                        || (SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality) FROM unnest(f.confkey) WITH ORDINALITY AS k(attnum, ordinality)
                            JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum)
                        || ') on delete '
                        || CASE f.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' WHEN 'r' THEN 'Restrict' ELSE 'NoAction' END
                    FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
                    WHERE f.contype = 'f' AND f.conrelid = (quote_ident(current_schema()) || '.' || quote_ident(@table))::regclass
                    """)).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<List<string>> CatalogAsync(CoachingDbContext db, string table, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("table", table);
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private protected override async Task<IAsyncDisposable> HoldMigrationLockAsync(DatabaseLocation location)
    {
        // Outside the pool: a pooled connection keeps its session, and so the lock, after it is closed.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlStorage.MigrationLockKey})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private protected override async Task<string[]> UserTablesAsync(CoachingDbContext db) =>
        [.. (await QueryOnAsync(
            db,
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '!_!_EF%' ESCAPE '!'
              AND table_name NOT ILIKE 'qrtz!_%' ESCAPE '!'
            """)).Order(StringComparer.Ordinal)];

    private protected override async Task<HashSet<string>> ColumnsAsync(CoachingDbContext db) =>
        [.. await QueryOnAsync(
            db,
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name NOT LIKE '!_!_EF%' ESCAPE '!'
            """)];

    private static async Task<List<string>> QueryOnAsync(CoachingDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return await QueryAsync(db.Database.GetDbConnection(), sql, table: null, r => r.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
