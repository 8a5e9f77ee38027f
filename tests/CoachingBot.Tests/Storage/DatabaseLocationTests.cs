using CoachingBot.Storage;

namespace CoachingBot.Tests.Storage;

public sealed class DatabaseLocationTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "content-root");
    private static readonly string Elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere");

    public static TheoryData<string, string?, string, string> Cases => new()
    {
        // data folder, connection string, expected data folder, expected database path
        { "data", null, Path.Combine(ContentRoot, "data"), Path.Combine(ContentRoot, "data", "coachingbot.db") },
        { "data", "", Path.Combine(ContentRoot, "data"), Path.Combine(ContentRoot, "data", "coachingbot.db") },
        { "nested/../state", null, Path.Combine(ContentRoot, "state"), Path.Combine(ContentRoot, "state", "coachingbot.db") },
        { Elsewhere, null, Elsewhere, Path.Combine(Elsewhere, "coachingbot.db") },
        { "data", "Data Source=custom.db", Path.Combine(ContentRoot, "data"), Path.Combine(ContentRoot, "custom.db") },
        { "data", $"Data Source={Path.Combine(Elsewhere, "bot.db")};Cache=Shared", Path.Combine(ContentRoot, "data"), Path.Combine(Elsewhere, "bot.db") },
        // SQLite's special names are left alone.
        { "data", "Data Source=:memory:", Path.Combine(ContentRoot, "data"), ":memory:" },
        { "data", "Data Source=file:bot.db?mode=ro", Path.Combine(ContentRoot, "data"), "file:bot.db?mode=ro" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_PutsRelativePathsUnderTheContentRoot(string dataFolder, string? connectionString, string expectedFolder, string expectedPath)
    {
        var location = DatabaseLocation.Resolve(new StorageOptions { DataFolder = dataFolder, ConnectionString = connectionString }, ContentRoot);

        Assert.Equal(expectedFolder, location.DataFolder);
        Assert.Equal(expectedPath, location.DatabasePath);
        Assert.Contains(expectedPath, location.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KeepsTheOtherConnectionSettings()
    {
        var location = DatabaseLocation.Resolve(
            new StorageOptions { ConnectionString = "Data Source=bot.db;Cache=Shared;Default Timeout=7" }, ContentRoot);

        Assert.Contains("Cache=Shared", location.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Default Timeout=7", location.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.example.org;Database=coachingbot;Username=bot;Password=hunter2", "db.example.org:5432/coachingbot")]
    [InlineData("Host=/tmp/socket-folder;Port=5433;Username=postgres;Password=hunter2", "/tmp/socket-folder:5433/postgres")]
    public void Resolve_NamesAPostgreSqlDatabaseByHostAndDatabase_WithoutUserOrPassword(string connectionString, string expectedPath)
    {
        var location = DatabaseLocation.Resolve(
            new StorageOptions { Provider = "postgresql", ConnectionString = connectionString }, ContentRoot);

        Assert.Equal(DatabaseProvider.PostgreSql, location.Provider);
        Assert.Equal(expectedPath, location.DatabasePath);
        Assert.Contains("Password=hunter2", location.ConnectionString, StringComparison.Ordinal);
        Assert.False(location.IsSqliteFile);
    }

    [Fact]
    public void Resolve_ChoosesSqlite_ByDefault()
    {
        var location = DatabaseLocation.Resolve(new StorageOptions(), ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, location.Provider);
        Assert.True(location.IsSqliteFile);
    }
}
