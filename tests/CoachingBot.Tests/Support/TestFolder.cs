using Microsoft.Data.Sqlite;

namespace CoachingBot.Tests.Support;

/// <summary>A unique temporary content root, deleted with everything in it.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coachingbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Where the default settings put the database.</summary>
    public string DefaultDatabasePath => System.IO.Path.Combine(Path, "data", "coachingbot.db");

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm companions) open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A killed host's leftovers may still hold a file; that must not fail the run.
        }
    }
}
