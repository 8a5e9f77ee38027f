using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Prepares the database and applies pending migrations when the host starts. It works in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs for every lifecycle service before any
/// <see cref="IHostedService.StartAsync"/>, and Kestrel only starts listening in the web host's own StartAsync; the
/// host awaits these in turn (HostOptions.ServicesStartConcurrently is false by default), so no request reaches a
/// missing table. A failure stops the host: the bot never runs against a schema it does not know.
/// </summary>
internal sealed partial class CoachingDatabaseMigrator(
    IDbContextFactory<CoachingDbContext> contexts,
    StorageProvider provider,
    ILogger<CoachingDatabaseMigrator> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    /// <remarks>
    /// Instances starting together take turns under the provider's lock: the first applies the migrations, the
    /// others then find nothing pending.
    /// </remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        provider.LogDatabase(logger);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var migrationLock = await provider.LockForMigrationAsync(db, logger, cancellationToken).ConfigureAwait(false);
            await using (migrationLock.ConfigureAwait(false))
            {
                await provider.PrepareAsync(db, logger, cancellationToken).ConfigureAwait(false);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (pending.Count > 0)
                {
                    LogMigrated(logger, pending.Count, pending[^1]);
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {MigrationCount} database migrations, up to {LastMigration}")]
    private static partial void LogMigrated(ILogger logger, int migrationCount, string lastMigration);
}
