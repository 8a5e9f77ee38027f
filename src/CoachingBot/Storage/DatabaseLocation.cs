using Microsoft.Data.Sqlite;

namespace CoachingBot.Storage;

/// <summary>Where the database lives, resolved once from <see cref="StorageOptions"/> and the content root.</summary>
internal sealed class DatabaseLocation
{
    public const string DefaultFileName = "coachingbot.db";

    private DatabaseLocation(string dataFolder, string connectionString, string databasePath)
    {
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        DatabasePath = databasePath;
    }

    /// <summary>The data folder as a full path.</summary>
    public string DataFolder { get; }

    /// <summary>May carry secrets: never log it.</summary>
    public string ConnectionString { get; }

    /// <summary>The database file's full path (or SQLite's special name, such as <c>:memory:</c>): safe to log.</summary>
    public string DatabasePath { get; }

    public static DatabaseLocation Resolve(StorageOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(contentRootPath);

        var dataFolder = Path.GetFullPath(options.DataFolder, contentRootPath);
        SqliteConnectionStringBuilder builder;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, DefaultFileName) };
        }
        else
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            // SQLite would resolve a relative file against the process's working directory, which differs between
            // `dotnet run`, tests and a service; the content root is the one base every host agrees on.
            if (IsPlainFilePath(builder.DataSource) && !Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(builder.DataSource, contentRootPath);
            }
        }

        return new DatabaseLocation(dataFolder, builder.ToString(), builder.DataSource);
    }

    /// <summary>Creates the data folder and the database file's folder, if missing.</summary>
    public void EnsureFoldersExist()
    {
        Directory.CreateDirectory(DataFolder);
        if (IsPlainFilePath(DatabasePath) && Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static bool IsPlainFilePath(string dataSource) =>
        dataSource.Length > 0
        && !string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
