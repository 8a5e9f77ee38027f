using CoachingBot.Tests.Support;
using CoachingBot.Storage;
using Microsoft.Extensions.Options;

namespace CoachingBot.Tests.Storage;

public sealed class StorageOptionsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Sqlite", "data", null)]
    [InlineData("sqlite", "data", null)]
    [InlineData("SQLITE", "/srv/bot/data", "Data Source=/srv/bot/bot.db;Cache=Shared")]
    public void Validate_Succeeds_ForSqliteSettings(string provider, string dataFolder, string? connectionString)
    {
        var options = new StorageOptions { Provider = provider, DataFolder = dataFolder, ConnectionString = connectionString };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("PostgreSQL", "data", null, "Storage:Provider PostgreSQL is not available yet")]
    [InlineData("postgresql", "data", null, "Storage:Provider PostgreSQL is not available yet")]
    [InlineData("Oracle", "data", null, "Storage:Provider 'Oracle' is not supported; use Sqlite")]
    [InlineData("", "data", null, "Storage:Provider '' is not supported; use Sqlite")]
    [InlineData("Sqlite", "", null, "Storage:DataFolder must not be empty")]
    [InlineData("Sqlite", "  ", null, "Storage:DataFolder must not be empty")]
    [InlineData("Sqlite", "da\0ta", null, "Storage:DataFolder is not a valid path")]
    [InlineData("Sqlite", "data", "Data Source=bot.db;Password=hunter2;Nonsense=1", "Storage:ConnectionString is not a valid SQLite connection string")]
    public void Validate_FailsWithAClearMessage_ForBadSettings(string provider, string dataFolder, string? connectionString, string expected)
    {
        var options = new StorageOptions { Provider = provider, DataFolder = dataFolder, ConnectionString = connectionString };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FailsBeforeTouchingTheDisk_WhenProviderIsPostgreSql()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StorageTestHost.StartAsync(_folder, settings: settings));

        Assert.Contains("Storage:Provider PostgreSQL is not available yet", error.Failures);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "data")));
    }

    [Fact]
    public void Defaults_AreSqliteInTheDataFolder()
    {
        var options = new StorageOptions();

        Assert.Equal(("Sqlite", "data", null), (options.Provider, options.DataFolder, options.ConnectionString));
    }
}
