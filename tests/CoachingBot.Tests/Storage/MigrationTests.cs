using CoachingBot.Tests.Support;
using System.Data.Common;
using System.Globalization;
using CoachingBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CoachingBot.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private static readonly string[] ModelTables =
        ["action_items", "coaching_conversations", "conversation_lanes", "conversations", "dialog_states", "turn_inbox", "turn_outbox"];

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_CreatesAllTables_WhenDatabaseIsMissingOrEmpty(bool createEmptyFile)
    {
        if (createEmptyFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_folder.DefaultDatabasePath)!);
            await File.WriteAllBytesAsync(_folder.DefaultDatabasePath, []);
        }

        await using var host = await StorageTestHost.StartAsync(_folder);

        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(ModelTables, await UserTablesAsync(db));
        Assert.Equal(
            db.Database.GetMigrations(),
            await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Start_KeepsDataAndAppliesNothing_WhenStartedASecondTime()
    {
        await using (var first = await StorageTestHost.StartAsync(_folder))
        {
            await first.Get<Teams.Dialogs.IDialogStateStore>().WriteAsync("conversation-1", "{\"step\":1}", etag: null);
        }

        await using var second = await StorageTestHost.StartAsync(_folder);

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

    [Fact]
    public async Task Start_LogsNothingAboveInformation_OnAFreshOrAMigratedDatabase()
    {
        await using (var first = await StorageTestHost.StartAsync(_folder))
        {
            Assert.Empty(first.Logs.Entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
        }

        await using var second = await StorageTestHost.StartAsync(_folder);

        Assert.Empty(second.Logs.Entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message));
    }

    [Fact]
    public async Task Migrations_StartWithTheInitialMigration()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
        await using var db = await host.CreateDbContextAsync();

        Assert.Equal("20261122000001_Initial", db.Database.GetMigrations().First());
    }

    [Fact]
    public async Task MigratedSchema_MatchesTheModel_ForEveryTable()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
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
    public async Task Model_MatchesTheSnapshot_SoNoMigrationIsMissing()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
        await using var db = await host.CreateDbContextAsync();

        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.NotNull(snapshot);
        var snapshotModel = snapshot.Model is IMutableModel mutable ? mutable.FinalizeModel() : snapshot.Model;
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.True(
            differences.Count == 0,
            "The model differs from CoachingDbContextModelSnapshot; add a migration and update the snapshot: "
            + string.Join("; ", differences.Select(Describe)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    // SQLite shows neither max lengths nor CLR types in its schema, and EF's differ compares store types only,
    // so these facets (which PostgreSQL will enforce) are compared here, provider-independently.
    [Fact]
    public async Task Snapshot_HasTheModelsColumnFacets()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
        await using var db = await host.CreateDbContextAsync();
        var snapshotModel = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        snapshotModel = snapshotModel is IMutableModel mutable ? mutable.FinalizeModel() : snapshotModel;
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);

        Assert.Equal(
            ColumnFacets(db.GetService<IDesignTimeModel>().Model.GetRelationalModel(), withConcurrency: true),
            ColumnFacets(snapshotModel.GetRelationalModel(), withConcurrency: true));
    }

    [Fact]
    public async Task Migrations_DeclareTheModelsColumnFacets()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
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

    [Fact]
    public async Task EveryEntity_RoundTripsEveryProperty_ThroughTheMigratedSchema()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
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

    [Fact]
    public async Task Start_SetsWalBusyTimeoutAndForeignKeys_OnTheContextsConnections()
    {
        await using var host = await StorageTestHost.StartAsync(_folder);
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

        await using var host = await StorageTestHost.StartAsync(_folder, settings: settings);

        var expectedPath = Path.Combine(_folder.Path, "nested", "deeper", "coachingbot.db");
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

        await using var host = await StorageTestHost.StartAsync(_folder, settings: settings);

        Assert.True(File.Exists(Path.Combine(_folder.Path, "custom", "bot.db")));
        Assert.False(File.Exists(_folder.DefaultDatabasePath));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("Cache=Shared", StringComparison.OrdinalIgnoreCase));
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
            default:
                Assert.Fail($"Teach {nameof(Replay)} the {operation.GetType().Name} operation.");
                break;
        }
    }

    // One Guid for every Guid property, so that each foreign key finds its principal among the samples.
    private static readonly Guid SampleGuid = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static object SampleOf(IReadOnlyEntityType type)
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

    private static async Task<string[]> UserTablesAsync(CoachingDbContext db)
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

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, string? table, Func<DbDataReader, string> read)
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

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
