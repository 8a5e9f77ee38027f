using CoachingBot.Storage.PostgreSql;
using CoachingBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// What differs between the databases the bot can use, in one place: how EF is configured, which context type (and
/// so which migrations) serves the model, and how a start prepares and locks the database before migrating.
/// Nothing outside Storage/ sees which one is in use.
/// </summary>
internal abstract partial class StorageProvider
{
    public static StorageProvider For(DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(location),
            _ => new SqliteStorage(location),
        };
    }

    /// <summary>The app's factory, handing out this provider's context type.</summary>
    public abstract IDbContextFactory<CoachingDbContext> ContextFactory(IServiceProvider services);

    /// <summary>Logs which database this is, without anything secret.</summary>
    public abstract void LogDatabase(ILogger logger);

    /// <summary>
    /// Makes the database reachable (a folder, a database) and takes a lock that one migrating instance holds at a
    /// time, released when disposed and also when the holder dies. Logs once when it has to wait for another.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockForMigrationAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken);

    /// <summary>Settings kept in the database that a migration cannot make, applied under the lock before migrating.</summary>
    public virtual Task PrepareAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for another instance to finish migrating the database")]
    protected static partial void LogWaitingForMigrationLock(ILogger logger);

    protected sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Hands out <typeparamref name="TContext"/> as the provider-neutral context type.</summary>
    protected sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<CoachingDbContext>
        where TContext : CoachingDbContext
    {
        public CoachingDbContext CreateDbContext() => contexts.CreateDbContext();

        public async Task<CoachingDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
