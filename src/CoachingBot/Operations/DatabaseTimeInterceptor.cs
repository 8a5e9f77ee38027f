using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachingBot.Operations;

/// <summary>
/// Records each EF Core command's time in <see cref="AppTelemetry.DatabaseDuration"/>, on either provider. EF measures
/// the duration anyway; this only reads it, and not at all while nothing listens.
/// </summary>
internal sealed class DatabaseTimeInterceptor(AppMetrics metrics) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(eventData, "reader", "ok");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "reader", "ok");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(eventData, "non_query", "ok");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "non_query", "ok");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(eventData, "scalar", "ok");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "scalar", "ok");
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(eventData, OperationOf(eventData), "error");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(eventData, OperationOf(eventData), "error");
        return Task.CompletedTask;
    }

    private void Record(CommandEndEventData eventData, string operation, string outcome)
    {
        if (metrics.DatabaseDuration.Enabled)
        {
            metrics.DatabaseDuration.Record(
                eventData.Duration.TotalSeconds,
                new KeyValuePair<string, object?>(AppTelemetry.Tags.DatabaseOperation, operation),
                new KeyValuePair<string, object?>(AppTelemetry.Tags.DatabaseOutcome, outcome));
        }
    }

    private static string OperationOf(CommandEndEventData eventData) => eventData.ExecuteMethod switch
    {
        DbCommandMethod.ExecuteNonQuery => "non_query",
        DbCommandMethod.ExecuteScalar => "scalar",
        _ => "reader",
    };
}
