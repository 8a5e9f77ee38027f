using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using CoachingBot.Storage;
using CoachingBot.Teams.Dialogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachingBot.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddCoachingStorage_MigratesBeforeTheServerAndEveryOtherHostedServiceStart()
    {
        var observations = new SchemaObservations(_folder.DefaultDatabasePath);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _folder.Path,
            EnvironmentName = "Testing",
        });
        builder.Services.AddSingleton(observations);
        // Registered before the storage on purpose: the migrator must still run first.
        builder.Services.AddHostedService<EarlyLifecycleService>();
        builder.Services.AddSingleton<IServer, RecordingServer>();
        builder.AddCoachingStorage();
        await using var app = builder.Build();

        await app.StartAsync();
        await app.StopAsync();

        Assert.Equal(
            ["early StartingAsync: schema ready", "early StartAsync: schema ready", "server StartAsync: schema ready"],
            observations.Seen);
    }

    [Fact]
    public void AddCoachingStorage_KeepsTheDatabaseStore_WhenTheDialogsLaterTryToAddTheirOwn()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path });
        builder.AddCoachingStorage();
        builder.Services.TryAddSingleton<IDialogStateStore, NotUsedDialogStateStore>();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<IDialogStateStore>();

        Assert.Equal("EfDialogStateStore", store.GetType().Name);
        Assert.Same(store, host.Services.GetRequiredService<IDialogStateStore>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddCoachingStorage_RegistersTheCoachingStores_AsDatabaseSingletons()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path });
        builder.AddCoachingStorage();
        using var host = builder.Build();

        var conversations = host.Services.GetRequiredService<ICoachingConversationStore>();
        var actions = host.Services.GetRequiredService<IActionStore>();

        Assert.Equal("EfCoachingConversationStore", conversations.GetType().Name);
        Assert.Equal("EfActionStore", actions.GetType().Name);
        Assert.Same(conversations, host.Services.GetRequiredService<ICoachingConversationStore>());
        Assert.Same(actions, host.Services.GetRequiredService<IActionStore>());
    }

    [Theory]
    [InlineData(null, "SqliteCoachingDbContext")]
    [InlineData("Sqlite", "SqliteCoachingDbContext")]
    [InlineData("PostgreSQL", "PostgreSqlCoachingDbContext")]
    public async Task AddCoachingStorage_HandsOutTheConfiguredProvidersContext_AsTheOneContextType(string? provider, string expectedType)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path });
        if (provider is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = provider,
                ["Storage:ConnectionString"] = provider == "PostgreSQL" ? "Host=db.example.org;Database=coachingbot" : null,
            });
        }

        builder.AddCoachingStorage();
        using var host = builder.Build();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();

        Assert.Equal(expectedType, db.GetType().Name);
        Assert.Equal(provider == "PostgreSQL" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }

    private sealed class SchemaObservations(string databasePath)
    {
        private readonly Lock _gate = new();
        private readonly List<string> _seen = [];

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_gate)
                {
                    return [.. _seen];
                }
            }
        }

        public void Observe(string moment)
        {
            var ready = SchemaExists();
            lock (_gate)
            {
                _seen.Add($"{moment}: {(ready ? "schema ready" : "no schema")}");
            }
        }

        private bool SchemaExists()
        {
            if (!File.Exists(databasePath))
            {
                return false;
            }

            var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('dialog_states', 'conversations', 'turn_inbox')";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 3;
        }
    }

    private sealed class EarlyLifecycleService(SchemaObservations observations) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Observe("early StartingAsync");

        public Task StartAsync(CancellationToken cancellationToken) => Observe("early StartAsync");

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private Task Observe(string moment)
        {
            observations.Observe(moment);
            return Task.CompletedTask;
        }
    }

    /// <summary>Stands in for Kestrel: records when the web host starts the server, binds nothing.</summary>
    private sealed class RecordingServer(SchemaObservations observations) : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            observations.Observe("server StartAsync");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class NotUsedDialogStateStore : IDialogStateStore
    {
        public Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
