using System.Data.Common;
using CoachingBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace CoachingBot.Scheduling;

/// <summary>
/// Where Quartz keeps its schedule: in the app's own database, the one <see cref="DatabaseLocation"/> resolves for
/// the EF stores. Decided when the container first builds the scheduler rather than when services are registered,
/// so a setting that only arrives with the host (a test's, an environment's) moves the scheduler along with the
/// rest of the data and can never point it at a second database.
/// </summary>
internal sealed class SchedulerDatabase(DatabaseLocation location)
{
    /// <summary>The name Quartz registers this scheduler's data source under (its default for the default scheduler).</summary>
    public const string DataSourceName = "quartz";

    /// <summary>
    /// PostgreSQL is the database several instances share, so there Quartz runs clustered: every instance checks in,
    /// takes a row lock before firing, and takes over the firings of an instance that stopped checking in. SQLite is one
    /// file for one instance, where an in-process lock is enough.
    /// </summary>
    public bool Clustered { get; } = location.Provider == DatabaseProvider.PostgreSql;

    public void Configure(DataSourceOptions options)
    {
        options.Provider = Clustered ? DataSourceOptions.Providers.Npgsql : DataSourceOptions.Providers.Sqlite;
        options.DataSourceFactory = _ => CreateDataSource();
    }

    public void Configure(AdoJobStoreOptions options)
    {
        options.UseDbLocks = Clustered;
        // Job data is written as plain strings: readable in the database and independent of any serializer's format,
        // so a job scheduled by one release still loads in the next.
        options.StoreJobDataAsStrings = true;
    }

    public void Configure(ClusteringOptions options) => options.Enabled = Clustered;

    public void Configure(QuartzSchedulerOptions options)
    {
        // A clustered node needs an id of its own (host name and start time); alone, the default id is fine.
        if (Clustered && string.Equals(options.InstanceId, QuartzSchedulerOptions.DefaultInstanceId, StringComparison.Ordinal))
        {
            options.GenerateInstanceId = true;
        }
    }

    public IDriverDelegate CreateDriverDelegate() => Clustered ? new PostgreSQLDelegate() : new SQLiteDelegate();

    private DbDataSource CreateDataSource() =>
        Clustered
            ? NpgsqlDataSource.Create(location.ConnectionString)
            : SqliteFactory.Instance.CreateDataSource(location.ConnectionString);
}
