using Npgsql;

namespace CoachingBot.Tests.Support;

/// <summary>
/// A database of its own for one test, on either provider, with a content root folder beside it. Point a host at it
/// with <see cref="Settings"/> (configuration) or <see cref="EnvironmentVariables"/> (a bot process).
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The content root; for SQLite the database file is in its <c>data</c> folder.</summary>
    public TestFolder Folder { get; } = new();

    /// <summary>"Sqlite" or "PostgreSQL", as <c>Storage:Provider</c> spells it.</summary>
    public abstract string Provider { get; }

    /// <summary>The <c>Storage:</c> settings that select this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary><see cref="Settings"/> as environment variables (<c>Storage__Provider</c>, ...).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    public static Task<TestDatabase> SqliteAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    /// <summary>A new, empty database on the server named by COACHINGBOT_TEST_POSTGRES, dropped on dispose.</summary>
    public static async Task<TestDatabase> PostgreSqlAsync() => await PostgreSqlTestDatabase.CreateAsync();

    public virtual ValueTask DisposeAsync()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Provider;
}

/// <summary>The default SQLite file in the folder's <c>data</c> folder: the settings a bare start uses.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public override string Provider => "Sqlite";

    public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
}

/// <summary>
/// A uniquely named database on the PostgreSQL test server (COACHINGBOT_TEST_POSTGRES: an Npgsql connection string
/// for a user that may create databases; <c>eval "$(bash eng/postgres.sh start)"</c> sets it). Dropped on dispose,
/// whatever connections are still open to it.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public const string ServerVariable = "COACHINGBOT_TEST_POSTGRES";

    private PostgreSqlTestDatabase(string serverConnectionString, string name)
    {
        ServerConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        Settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider,
            ["Storage:ConnectionString"] = ConnectionString,
        };
    }

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why PostgreSQL tests are skipped here, or null when they run: they run whenever the server is configured, and
    /// always in CI (CI=true), where a missing server fails them rather than hiding them.
    /// </summary>
    public static string? SkipReason =>
        Server is null && !IsCi
            ? $"Needs a PostgreSQL server: set {ServerVariable} to an Npgsql connection string (eval \"$(bash eng/postgres.sh start)\"). CI always runs these."
            : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Name { get; }

    /// <summary>This database's connection string.</summary>
    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    public override string Provider => "PostgreSQL";

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A name for a database that does not exist yet, dropped on dispose if something created it.</summary>
    public static PostgreSqlTestDatabase NotCreated() =>
        new(Server ?? throw new InvalidOperationException($"{ServerVariable} is not set."), "coachingbot_test_" + Guid.NewGuid().ToString("N"));

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set, and CI must run the PostgreSQL tests: start a server with eng/postgres.sh (as .ci/run does).");
        var database = new PostgreSqlTestDatabase(server, "coachingbot_test_" + Guid.NewGuid().ToString("N"));
        try
        {
            await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        }
        catch
        {
            database.Folder.Dispose();
            throw;
        }

        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        finally
        {
            await base.DisposeAsync();
        }
    }

    /// <summary>Drops everything in the public schema, EF's migration history included: as bare as a new database.</summary>
    public Task DropSchemaAsync() => ExecuteAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");

    /// <summary>Deletes every row of every table but EF's migration history: the schema stays as migrated.</summary>
    public Task EmptyAsync() => ExecuteAsync(
            """
            DO $$
            DECLARE tables text;
            BEGIN
                SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                FROM pg_tables
                WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '__EFMigrationsHistory';
                IF tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
                END IF;
            END $$
            """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// One PostgreSQL database for the tests of one class, as an xunit class fixture, emptied before each test (xunit runs
/// a class's tests one after another): creating a database takes about a second, emptying one a few milliseconds.
/// It is created at the first test, so a class whose tests are all skipped creates nothing, and dropped after the last.
/// </summary>
public sealed class PostgreSqlClassDatabase : IAsyncLifetime
{
    private PostgreSqlTestDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// The class's database with a content root of its own for the next test: without rows, but migrated if an earlier
    /// test migrated it; or, with <paramref name="withoutSchema"/>, as bare as a new database.
    /// </summary>
    public async Task<TestDatabase> ForNextTestAsync(bool withoutSchema = false)
    {
        if (_database is null)
        {
            _database = await PostgreSqlTestDatabase.CreateAsync();
        }
        else if (withoutSchema)
        {
            await _database.DropSchemaAsync();
        }
        else
        {
            await _database.EmptyAsync();
        }

        return new Borrowed(_database);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The shared database for one test: disposing it removes the test's folder only.</summary>
    private sealed class Borrowed(PostgreSqlTestDatabase database) : TestDatabase
    {
        public override string Provider => database.Provider;

        public override IReadOnlyDictionary<string, string?> Settings => database.Settings;
    }
}
