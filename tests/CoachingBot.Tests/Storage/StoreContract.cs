using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Storage;

/// <summary>
/// The base of each store's contract suite: an abstract class of <see cref="DatabaseFactAttribute"/> tests, run once
/// per provider by a subclass that says which database (a SQLite file, or a PostgreSQL database of its own marked
/// <see cref="UsesPostgreSqlAttribute"/>). Each test gets a new database and a started host on it.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    /// <summary>One bot instance on <see cref="Database"/>; a test may stop it and start another.</summary>
    internal StorageTestHost Host { get; set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Host = await StorageTestHost.StartAsync(_database);
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
        finally
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
