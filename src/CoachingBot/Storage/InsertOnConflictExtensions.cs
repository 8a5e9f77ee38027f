using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachingBot.Storage;

/// <summary>
/// Single-statement inserts that let the database's primary key settle races between callers (threads or
/// instances): <c>INSERT ... ON CONFLICT</c>, which SQLite (3.24+) and PostgreSQL (9.5+) both accept as written here.
/// This beats an insert whose unique violation is caught: EF logs every failed SaveChanges at Error level, and both
/// Teams resends and concurrent saves are routine, not errors. Columns and converted values come from the EF model,
/// so the SQL follows the mapping.
/// </summary>
internal static class InsertOnConflictExtensions
{
    /// <summary>Inserts <paramref name="entity"/> unless a row with its key exists; true when this call inserted it.</summary>
    public static async Task<bool> InsertIfAbsentAsync<TEntity>(
        this CoachingDbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        var insert = Insert(db, entity);
        insert.Statement.Append(" ON CONFLICT DO NOTHING");
        var inserted = await db.Database.ExecuteSqlRawAsync(insert.Statement.ToString(), insert.Parameters, cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>
    /// Inserts <paramref name="entity"/>, or replaces every column of the row with its key. Last writer wins; both
    /// writers succeed.
    /// </summary>
    public static async Task UpsertAsync<TEntity>(this CoachingDbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        var insert = Insert(db, entity);
        var statement = insert.Statement;
        statement.Append(" ON CONFLICT (").AppendJoin(", ", insert.KeyColumns).Append(')');
        if (insert.OtherColumns.Count == 0)
        {
            statement.Append(" DO NOTHING");
        }
        else
        {
            statement.Append(" DO UPDATE SET ");
            for (var i = 0; i < insert.OtherColumns.Count; i++)
            {
                var column = insert.OtherColumns[i];
                statement.Append(i == 0 ? "" : ", ").Append(column).Append(" = excluded.").Append(column);
            }
        }

        await db.Database.ExecuteSqlRawAsync(statement.ToString(), insert.Parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>INSERT INTO t (columns) VALUES (placeholders)</c> part, with its parameters and delimited column names.</summary>
    private static InsertStatement Insert<TEntity>(CoachingDbContext db, TEntity entity)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no primary key.");
        var sql = db.GetService<ISqlGenerationHelper>();

        // Parameters from each property's own type mapping: its value converter and provider type apply, nulls included.
        using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<string>();
        var keyColumns = new List<string>();
        var otherColumns = new List<string>();
        var placeholders = new StringBuilder();
        var parameters = new List<DbParameter>();
        foreach (var property in entityType.GetProperties())
        {
            if (parameters.Count > 0)
            {
                placeholders.Append(", ");
            }

            var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
            columns.Add(column);
            (key.Properties.Contains(property) ? keyColumns : otherColumns).Add(column);
            placeholders.Append('{').Append(parameters.Count).Append('}');
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                parameterFactory,
                "p" + parameters.Count.ToString(CultureInfo.InvariantCulture),
                property.GetGetter().GetClrValue(entity),
                property.IsNullable));
        }

        var statement = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns).Append(") VALUES (").Append(placeholders).Append(')');
        return new InsertStatement(statement, parameters, keyColumns, otherColumns);
    }

    private sealed record InsertStatement(
        StringBuilder Statement, List<DbParameter> Parameters, List<string> KeyColumns, List<string> OtherColumns);
}
