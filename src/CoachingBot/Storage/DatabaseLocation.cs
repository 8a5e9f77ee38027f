using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoachingBot.Storage;

/// <summary>The database engines the bot can keep its data in.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database, and where: resolved once from <see cref="StorageOptions"/> and the content root.</summary>
internal sealed class DatabaseLocation
{
    public const string DefaultFileName = "coachingbot.db";

    private DatabaseLocation(DatabaseProvider provider, string dataFolder, string connectionString, string databasePath)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        DatabasePath = databasePath;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The data folder as a full path.</summary>
    public string DataFolder { get; }

    /// <summary>May carry secrets: never log it.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Safe to log. SQLite: the database file's full path (or SQLite's special name, such as <c>:memory:</c>).
    /// PostgreSQL: <c>host:port/database</c>, without user or password.
    /// </summary>
    public string DatabasePath { get; }

    public static DatabaseLocation Resolve(StorageOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(contentRootPath);

        var dataFolder = Path.GetFullPath(options.DataFolder, contentRootPath);
        if (string.Equals(options.Provider, StorageOptions.PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return new DatabaseLocation(
                DatabaseProvider.PostgreSql,
                dataFolder,
                postgres.ConnectionString,
                $"{postgres.Host}:{postgres.Port}/{postgres.Database ?? postgres.Username}");
        }

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

        return new DatabaseLocation(DatabaseProvider.Sqlite, dataFolder, builder.ToString(), builder.DataSource);
    }

    /// <summary>True for a SQLite database that is a file of its own (not in memory, not a URI).</summary>
    public bool IsSqliteFile => Provider == DatabaseProvider.Sqlite && IsPlainFilePath(DatabasePath);

    /// <summary>Creates the data folder and the database file's folder, if missing.</summary>
    public void EnsureFoldersExist()
    {
        Directory.CreateDirectory(DataFolder);
        if (IsSqliteFile && Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static bool IsPlainFilePath(string dataSource) =>
        dataSource.Length > 0
        && !string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
