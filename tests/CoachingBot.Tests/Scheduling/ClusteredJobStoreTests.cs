using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace CoachingBot.Tests.Scheduling;

/// <summary>
/// Two instances of the bot's scheduler clustered on one PostgreSQL database, on the real clock. Both poll the store
/// every second (Quartz's shortest), so both see every job come due and race for it: only the cluster's row lock and trigger states
/// keep a job to one firing. Nothing is asserted about timing; the only wait is the bounded one for the firings.
/// </summary>
public sealed class ClusteredJobStoreTests
{
    private const int JobCount = 20;
    private static readonly TimeSpan FiringTimeout = TimeSpan.FromSeconds(90);

    [PostgreSqlFact]
    public async Task ScheduleOnceAsync_FiresEachJobOnExactlyOneInstance_WhenTwoInstancesShareTheDatabase()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        var firings = new Firings();
        string[] instanceIds;
        await using (var first = await StartAsync(database, firings))
        await using (var second = await StartAsync(database, firings))
        {
            instanceIds = [await InstanceIdAsync(first), await InstanceIdAsync(second)];
            Assert.NotEqual(instanceIds[0], instanceIds[1]);
            Assert.Equivalent(instanceIds, await CheckedInInstancesAsync(database));

            // Due a moment from now, scheduled from each instance in turn, so both have them in view when they come due.
            var dueAt = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(2);
            for (var i = 0; i < JobCount; i++)
            {
                var from = i % 2 == 0 ? first : second;
                await from.Jobs.ScheduleOnceAsync<RecordingJob>(new JobKey($"job-{i}", "tests"), dueAt);
            }

            await firings.WaitForAsync(JobCount, FiringTimeout);
        }

        // Both stopped, so every firing that was going to happen has happened.
        var perJob = firings.All.GroupBy(f => f.Job).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(JobCount, perJob.Count);
        Assert.All(perJob, job => Assert.Equal(1, job.Value));
        Assert.All(firings.All, firing => Assert.Contains(firing.SchedulerInstance, instanceIds));
    }

    private static Task<SchedulerTestHost> StartAsync(TestDatabase database, Firings firings) =>
        SchedulerTestHost.StartAsync(
            database.Folder.Path,
            TimeProvider.System,
            firings,
            database.Settings,
            services => services.Configure<QuartzSchedulerOptions>(options => options.IdleWaitTime = TimeSpan.FromSeconds(1)));

    private static async Task<string> InstanceIdAsync(SchedulerTestHost host) => (await host.SchedulerAsync()).SchedulerInstanceId;

    /// <summary>The instances that have checked in to the cluster, as the other instances see them.</summary>
    private static async Task<List<string>> CheckedInInstancesAsync(TestDatabase database)
    {
        var postgres = (PostgreSqlTestDatabase)database;
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select instance_name from qrtz_scheduler_state", connection);
        var instances = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            instances.Add(reader.GetString(0));
        }

        return instances;
    }
}
