using CoachingBot.Tests.Support;
using Npgsql;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// Where the bot processes of one test keep their data: a fresh SQLite folder, or a fresh database on the PostgreSQL
/// server named by <c>COACHINGBOT_TEST_POSTGRES</c>, dropped afterwards.
/// </summary>
internal sealed class BotStorage : IAsyncDisposable
{
    public const string PostgresVariable = "COACHINGBOT_TEST_POSTGRES";

    private readonly TestFolder _folder = new();
    private readonly string? _serverConnectionString;
    private readonly string? _database;

    private BotStorage(string provider, IReadOnlyDictionary<string, string> settings, string? serverConnectionString = null, string? database = null)
    {
        Provider = provider;
        Settings = settings;
        _serverConnectionString = serverConnectionString;
        _database = database;
    }

    /// <summary>"SQLite" or "PostgreSQL", for figures and file names.</summary>
    public string Provider { get; }

    /// <summary>The storage settings to start the bot with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A data folder for one bot process (each instance its own; on SQLite the database lives in the first).</summary>
    public string DataFolder => _folder.Path;

    public static BotStorage Sqlite() => new("SQLite", new Dictionary<string, string>());

    public static async Task<BotStorage> PostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set, and CI must run the PostgreSQL tests: .ci/run starts a server with eng/postgres.sh and sets it.");
        }

        var database = "coachingbot_durability_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return new BotStorage(
            "PostgreSQL",
            new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString },
            server,
            database);
    }

    public async ValueTask DisposeAsync()
    {
        _folder.Dispose();
        if (_serverConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A test that needs a PostgreSQL server. Skipped, with the reason, on a developer's machine without one; never
/// skipped in CI (the <c>CI</c> variable set), where a missing server fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BotStorage.PostgresVariable))
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{BotStorage.PostgresVariable} is not set: no PostgreSQL server to test on (eng/postgres.sh starts one; CI always does).";
        }
    }
}

/// <summary>
/// The durability tests run bot processes flat out against a slow connector and time their stops: they run one at
/// a time and alone, so they neither starve nor are starved by the rest of the suite on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityTests
{
    public const string Name = "Durability";
}
