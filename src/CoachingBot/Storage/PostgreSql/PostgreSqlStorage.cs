using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoachingBot.Storage.PostgreSql;

/// <summary>PostgreSQL: one database, shared by instances on any number of machines.</summary>
internal sealed partial class PostgreSqlStorage(DatabaseLocation location) : StorageProvider
{
    /// <summary>"CoachBot" in ASCII: the advisory lock that one migrating instance holds at a time.</summary>
    public const long MigrationLockKey = 0x436F_6163_6842_6F74;

    public static void Configure(DbContextOptionsBuilder options, DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        options.UseNpgsql(location.ConnectionString);
    }

    public override IDbContextFactory<CoachingDbContext> ContextFactory(IServiceProvider services) =>
        new ProviderContextFactory<PostgreSqlCoachingDbContext>(services.GetRequiredService<IDbContextFactory<PostgreSqlCoachingDbContext>>());

    public override void LogDatabase(ILogger logger) => LogUsing(logger, location.DatabasePath);

    /// <remarks>
    /// EF's own lock on Npgsql is a LOCK TABLE on the history table, so it cannot cover creating that table: two
    /// instances on an empty database both create it, and PostgreSQL refuses one (a duplicate pg_type row). A
    /// session-level advisory lock serialises the whole migration instead. Its connection is its own and outside the
    /// pool (a pooled connection keeps its session, and the lock, after it is closed), waits as long as the host lets
    /// start take (no command timeout), and the server releases the lock when the holder's connection dies.
    /// </remarks>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it a moment ago.
            }
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!(bool)(await ExecuteAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken).ConfigureAwait(false))!)
            {
                LogWaitingForMigrationLock(logger);
                await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken).ConfigureAwait(false);
            }

            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <remarks>
    /// Npgsql reads the history table without checking that it exists and lets a missing one fail, which EF logs as an
    /// error on every first start; made here first (under the lock), it is simply empty.
    /// </remarks>
    public override async Task PrepareAsync(CoachingDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using PostgreSQL database {Database}")]
    private static partial void LogUsing(ILogger logger, string database);

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection.ConfigureAwait(false))
            {
                // Closing the connection would release it too; unlocking first says so explicitly.
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
