using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachingBot.Storage.Sqlite;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (pooled ones included, since these
/// pragmas are not kept in the file). busy_timeout makes a writer wait for the lock instead of failing at once with
/// SQLITE_BUSY when turns write concurrently. synchronous = NORMAL is the setting WAL is meant to run with: a commit is
/// safe from a process crash (a kill loses nothing committed) and only a power cut can lose the last ones, while a
/// commit no longer waits for the disk. Every turn commits several times, and the time between the connector taking
/// a reply and its being marked sent is the window in which a crash repeats it, so that wait matters.
/// The settings belong to the native connection, which the pool hands out again and again: they are applied the
/// first time EF opens it, not at every open (a turn opens a pooled connection several times).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static readonly object Applied = new();

    // Keyed by the native handle, which outlives each SqliteConnection the pool wraps around it; weak, so a handle
    // the pool closes is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!NeedsSetup(connection, out var handle))
        {
            return;
        }

        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        catch
        {
            Forget(handle);
            throw;
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!NeedsSetup(connection, out var handle))
        {
            return;
        }

        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Forget(handle);
            throw;
        }
    }

    /// <summary>True the first time this native connection is seen (or for a connection whose handle cannot be told).</summary>
    private bool NeedsSetup(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || _prepared.TryAdd(handle, Applied);
    }

    private void Forget(object? handle)
    {
        if (handle is not null)
        {
            _prepared.Remove(handle);
        }
    }
}
