using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage.Sqlite;

/// <summary>SQLite: one file, shared by the instances on one machine.</summary>
internal sealed partial class SqliteStorage(DatabaseLocation location) : StorageProvider
{
    private const string EfMigrationsLockTable = "__EFMigrationsLock";

    private static readonly SqliteConnectionSetup ConnectionSetup = new();
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(50);

    public static void Configure(DbContextOptionsBuilder options, DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        options.UseSqlite(location.ConnectionString);
        options.AddInterceptors(ConnectionSetup);
    }

    public override IDbContextFactory<CoachingDbContext> ContextFactory(IServiceProvider services) =>
        new ProviderContextFactory<SqliteCoachingDbContext>(services.GetRequiredService<IDbContextFactory<SqliteCoachingDbContext>>());

    /// <summary>The file whose exclusive lock an instance holds while it migrates.</summary>
    public static string MigrationLockPath(DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.DatabasePath + ".migration-lock";
    }

    public override void LogDatabase(ILogger logger) => LogUsing(logger, location.DatabasePath);

    /// <remarks>
    /// EF's own migration lock on SQLite is a row in a table, which stays behind when its holder is killed, and every
    /// later start then waits for it forever. An exclusive lock on a file beside the database is released by the
    /// operating system when its holder dies, and instances sharing a SQLite file share a machine, so they all see
    /// it. The file is left in place: deleting it would let a waiting instance lock a file nobody else can see.
    /// </remarks>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        location.EnsureFoldersExist();
        if (!location.IsSqliteFile)
        {
            return NoLock.Instance;
        }

        var path = MigrationLockPath(location);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            }
            catch (IOException exception) when (exception is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
            {
                // Another instance is migrating; it holds the lock for as long as that takes.
                if (attempt == 0)
                {
                    LogWaitingForMigrationLock(logger);
                }

                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <remarks>
    /// WAL lets readers run alongside a writer; the journal mode cannot be changed inside a transaction, so it is not
    /// part of a migration. Under our lock no one else is migrating, so a row in EF's lock table is one a killed
    /// instance left, and would make EF wait forever.
    /// </remarks>
    public override async Task PrepareAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        if (!location.IsSqliteFile)
        {
            return;
        }

        var hasLockTable = await db.Database
            .SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{EfMigrationsLockTable}'")
            .SingleAsync(cancellationToken)
            .ConfigureAwait(false) > 0;
        if (hasLockTable
            && await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{EfMigrationsLockTable}\"", cancellationToken).ConfigureAwait(false) > 0)
        {
            LogStaleLockRemoved(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using SQLite database {DatabasePath}")]
    private static partial void LogUsing(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed EF's migration lock, left by an instance that stopped while migrating")]
    private static partial void LogStaleLockRemoved(ILogger logger);
}
