using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Creates the data folder and applies pending migrations when the host starts. It works in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs for every lifecycle service before any
/// <see cref="IHostedService.StartAsync"/>, and Kestrel only starts listening in the web host's own StartAsync; the
/// host awaits these in turn (HostOptions.ServicesStartConcurrently is false by default), so no request reaches a
/// missing table. A failure stops the host: the bot never runs against a schema it does not know.
/// </summary>
internal sealed partial class CoachingDatabaseMigrator(
    IDbContextFactory<CoachingDbContext> contexts,
    DatabaseLocation location,
    ILogger<CoachingDatabaseMigrator> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        LogDatabase(logger, location.DatabasePath);
        location.EnsureFoldersExist();

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await SqliteDatabase.PrepareAsync(db, cancellationToken).ConfigureAwait(false);
            // EF takes a database-wide migration lock, so instances starting together apply each migration once.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (pending.Count > 0)
            {
                LogMigrated(logger, pending.Count, pending[^1]);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Using SQLite database {DatabasePath}")]
    private static partial void LogDatabase(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {MigrationCount} database migrations, up to {LastMigration}")]
    private static partial void LogMigrated(ILogger logger, int migrationCount, string lastMigration);
}
