using CoachingBot.Scheduling;
using CoachingBot.Storage;
using CoachingBot.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachingBot.Tests.Scheduling;

/// <summary>
/// One bot instance as far as scheduling goes: the storage (migrated at start) and the scheduler, with
/// <see cref="RecordingJob"/> declared. Several of these on one database are several instances of one deployment.
/// </summary>
internal sealed class SchedulerTestHost : IAsyncDisposable
{
    private SchedulerTestHost(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public IJobScheduler Jobs => Host.Services.GetRequiredService<IJobScheduler>();

    /// <summary>
    /// Starts a host on <paramref name="contentRoot"/> with <paramref name="settings"/>. Its scheduler is running when
    /// this returns (the app starts it only once the application has started; here that wait is left out).
    /// </summary>
    public static async Task<SchedulerTestHost> StartAsync(
        string contentRoot,
        TimeProvider time,
        Firings firings,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var logs = new CapturedLogs();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(firings);
        builder.AddCoachingStorage();
        builder.AddCoachingScheduler();
        builder.Services.AddOneOffJob<RecordingJob>();
        builder.Services.Configure<QuartzHostedServiceOptions>(options => options.AwaitApplicationStarted = false);
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new SchedulerTestHost(host, logs);
    }

    public async Task<IScheduler> SchedulerAsync() =>
        await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Stops the host as the app stops: the scheduler waits for running jobs, then shuts down.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
