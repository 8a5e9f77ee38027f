using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Everything that is specific to SQLite, in one place: a PostgreSQL provider will be a sibling of this class,
/// chosen by <see cref="StorageOptions.Provider"/>, and nothing outside Storage/ changes.
/// </summary>
internal static class SqliteDatabase
{
    private static readonly SqliteConnectionSetup ConnectionSetup = new();

    public static void Configure(DbContextOptionsBuilder options, DatabaseLocation location)
    {
        options.UseSqlite(location.ConnectionString);
        options.AddInterceptors(ConnectionSetup);
    }

    /// <summary>
    /// Settings kept in the database file, applied before migrating. WAL lets readers run alongside a writer;
    /// the journal mode cannot be changed inside a transaction, so it is not part of a migration.
    /// </summary>
    public static async Task PrepareAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
    }
}
