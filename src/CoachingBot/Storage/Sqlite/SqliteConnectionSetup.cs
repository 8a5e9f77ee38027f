using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachingBot.Storage.Sqlite;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (pooled ones included, since these
/// pragmas are not kept in the file). busy_timeout makes a writer wait for the lock instead of failing at once with
/// SQLITE_BUSY when turns write concurrently. synchronous = NORMAL is the setting WAL is meant to run with: a commit is
/// safe from a process crash (a kill loses nothing committed) and only a power cut can lose the last ones, while a
/// commit no longer waits for the disk. Every turn commits several times, and the time between the connector taking
/// a reply and its being marked sent is the window in which a crash repeats it, so that wait matters.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
