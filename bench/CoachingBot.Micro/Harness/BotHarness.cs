using CoachingBot.Storage;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CoachingBot.Micro.Harness;

/// <summary>Where the app's own stores keep their data in a harness.</summary>
public enum HarnessDatabase
{
    /// <summary>A SQLite file in a folder of the harness's own.</summary>
    Sqlite,
    /// <summary>A database of its own on the server COACHINGBOT_TEST_POSTGRES names, dropped at the end.</summary>
    PostgreSql,
}

/// <summary>
/// The bot's services as the app registers them (<see cref="CoachingBotExtensions.AddCoachingBot"/>), built into a host
/// that is never started: no server, no scheduler, no recovery loop, no log providers. The database is migrated by
/// hand. Turns are run by the real <see cref="TurnPipeline"/> and answered by a <see cref="NoOpConnector"/>.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string PostgresVariable = "COACHINGBOT_TEST_POSTGRES";

    private readonly IHost _host;
    private readonly DirectoryInfo _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private BotHarness(IHost host, DirectoryInfo folder, NoOpConnector connector, string? postgresAdmin, string? postgresDatabase)
    {
        _host = host;
        _folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
        Connector = connector;
        Pipeline = host.Services.GetRequiredService<TurnPipeline>();
        Tracker = host.Services.GetRequiredService<TurnTracker>();
    }

    public IServiceProvider Services => _host.Services;

    public NoOpConnector Connector { get; }

    public TurnPipeline Pipeline { get; }

    public TurnTracker Tracker { get; }

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>
    /// Builds and migrates the bot. With <paramref name="inMemoryTurns"/> the turn journal and the dialog state are kept
    /// in memory (the protocol library's own fallbacks); the app's other stores stay on <paramref name="database"/>.
    /// </summary>
    public static async Task<BotHarness> StartAsync(HarnessDatabase database, bool inMemoryTurns, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("coachingbot-micro-");
        var settings = new Dictionary<string, string?> { ["Storage:DataFolder"] = folder.FullName };
        string? admin = null;
        string? databaseName = null;
        if (database == HarnessDatabase.PostgreSql)
        {
            admin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            databaseName = "coachingbot_micro_" + Guid.NewGuid().ToString("N")[..12];
            settings["Storage:Provider"] = StorageOptions.PostgreSqlProvider;
            settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = databaseName }.ConnectionString;
        }

        // No defaults: neither this machine's environment variables nor an appsettings.json may change what is measured.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = folder.FullName,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCoachingBot();

        var connector = new NoOpConnector();
        builder.Services.AddSingleton<IConnectorClientFactory>(connector);
        if (inMemoryTurns)
        {
            builder.Services.AddSingleton<IDialogStateStore, InMemoryDialogStateStore>();
            builder.Services.AddSingleton<ITurnJournal, InMemoryTurnJournal>();
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        configure?.Invoke(builder.Services);
        var host = builder.Build();
        var harness = new BotHarness(host, folder, connector, admin, databaseName);
        try
        {
            await host.Services.GetRequiredService<CoachingDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }

        return harness;
    }

    /// <summary>Runs one activity as /api/messages would after authentication, and waits until its turn and replies are done.</summary>
    public async Task RunAsync(Activity activity)
    {
        if (activity.Type == ActivityTypes.Invoke)
        {
            _ = await Pipeline.InvokeAsync(activity, CancellationToken.None)
                ?? throw new InvalidOperationException("The invoke was taken for a resend.");
        }
        else if (!await Pipeline.AcceptAsync(activity, CancellationToken.None))
        {
            throw new InvalidOperationException("The activity was taken for a resend.");
        }

        await Tracker.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Tracker.WhenIdleAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        _folder.Delete(recursive: true);
    }
}
