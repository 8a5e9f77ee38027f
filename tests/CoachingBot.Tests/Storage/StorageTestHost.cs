using CoachingBot.Tests.Support;
using CoachingBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Tests.Storage;

/// <summary>
/// A host with only the storage registered, started (so migrated) on a content root folder or a
/// <see cref="TestDatabase"/>: one bot instance. Two of these on one database are two instances sharing it.
/// </summary>
internal sealed class StorageTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private StorageTestHost(IHost host, FakeTimeProvider time, CapturedLogs logs)
    {
        Host = host;
        Time = time;
        Logs = logs;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public static IHost Build(string contentRoot, TimeProvider time, CapturedLogs logs, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(time);
        builder.AddCoachingStorage();
        return builder.Build();
    }

    public static IHost Build(TestDatabase database, TimeProvider time, CapturedLogs logs, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Build(database.Folder.Path, time, logs, Merge(database, settings));
    }

    public static Task<StorageTestHost> StartAsync(
        TestDatabase database, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.Folder, time, Merge(database, settings));
    }

    public static async Task<StorageTestHost> StartAsync(
        TestFolder folder, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        time ??= new FakeTimeProvider(Start);
        var logs = new CapturedLogs();
        var host = Build(folder.Path, time, logs, settings);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new StorageTestHost(host, time, logs);
    }

    private static Dictionary<string, string?> Merge(TestDatabase database, IReadOnlyDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    internal Task<CoachingDbContext> CreateDbContextAsync() =>
        Get<IDbContextFactory<CoachingDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
