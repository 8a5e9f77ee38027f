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
    [InlineData("PostgreSQL", "Host=db.example.org;Database=coachingbot;Username=bot;Password=hunter2")]
    [InlineData("postgresql", "Host=/tmp/socket-folder;Port=5432;Username=postgres")]
    public void Validate_Succeeds_ForPostgreSqlSettings(string provider, string connectionString)
    {
        var options = new StorageOptions { Provider = provider, ConnectionString = connectionString };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("PostgreSQL", "data", null, "Storage:ConnectionString is required when Storage:Provider is PostgreSQL")]
    [InlineData("postgresql", "data", " ", "Storage:ConnectionString is required when Storage:Provider is PostgreSQL")]
    [InlineData("PostgreSQL", "data", "Host=db;Password=hunter2;Nonsense=1", "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("PostgreSQL", "data", "Host=db;Password=hunter2;Port=not-a-number", "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("PostgreSQL", "data", "Database=bot;Password=hunter2", "Storage:ConnectionString for PostgreSQL names no Host")]
    [InlineData("Oracle", "data", null, "Storage:Provider 'Oracle' is not supported; use Sqlite or PostgreSQL")]
    [InlineData("", "data", null, "Storage:Provider '' is not supported; use Sqlite or PostgreSQL")]
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
    public async Task Start_FailsBeforeTouchingTheDiskOrTheServer_WhenPostgreSqlHasNoConnectionString()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StorageTestHost.StartAsync(_folder, settings: settings));

        Assert.Equal(["Storage:ConnectionString is required when Storage:Provider is PostgreSQL"], error.Failures);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "data")));
    }

    [Fact]
    public async Task Start_FailsWithoutShowingThePassword_WhenThePostgreSqlConnectionStringIsInvalid()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = "Host=db.example.org;Password=hunter2;Nonsense=1",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StorageTestHost.StartAsync(_folder, settings: settings));

        Assert.Equal(["Storage:ConnectionString is not a valid PostgreSQL connection string"], error.Failures);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreSqliteInTheDataFolder()
    {
        var options = new StorageOptions();

        Assert.Equal(("Sqlite", "data", null), (options.Provider, options.DataFolder, options.ConnectionString));
    }
}
