using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachingBot.Storage;

internal static class InsertIfAbsentExtensions
{
    /// <summary>
    /// Inserts <paramref name="entity"/> unless a row with its key exists; true when this call inserted it.
    /// The database's unique key decides, so two racing callers (threads or instances) cannot both win.
    /// This is <c>INSERT ... ON CONFLICT DO NOTHING</c> (SQLite 3.24+ and PostgreSQL 9.5+) rather than an insert
    /// whose unique violation is caught: EF logs every failed SaveChanges at Error level, and Teams resends are
    /// routine, not errors. Columns and converted values come from the EF model, so the SQL follows the mapping.
    /// </summary>
    public static async Task<bool> InsertIfAbsentAsync<TEntity>(
        this CoachingDbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        // Parameters from each property's own type mapping: its value converter and provider type apply, nulls included.
        using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var columns = new StringBuilder();
        var placeholders = new StringBuilder();
        var parameters = new List<DbParameter>();
        foreach (var property in entityType.GetProperties())
        {
            if (parameters.Count > 0)
            {
                columns.Append(", ");
                placeholders.Append(", ");
            }

            columns.Append(sql.DelimitIdentifier(property.GetColumnName(table)!));
            placeholders.Append('{').Append(parameters.Count).Append('}');
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                parameterFactory,
                "p" + parameters.Count.ToString(CultureInfo.InvariantCulture),
                property.GetGetter().GetClrValue(entity),
                property.IsNullable));
        }

        var statement = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").Append(columns).Append(") VALUES (").Append(placeholders).Append(") ON CONFLICT DO NOTHING")
            .ToString();
        var inserted = await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }
}
