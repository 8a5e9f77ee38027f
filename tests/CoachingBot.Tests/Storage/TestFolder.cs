using Microsoft.Data.Sqlite;

namespace CoachingBot.Tests.Storage;

/// <summary>A unique temporary content root, deleted with everything in it.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coachingbot-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Where the default settings put the database.</summary>
    public string DefaultDatabasePath => System.IO.Path.Combine(Path, "data", "coachingbot.db");

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm companions) open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
