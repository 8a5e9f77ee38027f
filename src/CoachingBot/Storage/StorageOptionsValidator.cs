using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachingBot.Storage;

/// <remarks>No message quotes the connection string: it may carry a password.</remarks>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.Equals(options.Provider, StorageOptions.PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            ValidatePostgreSql(options.ConnectionString, failures);
        }
        else if (string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            ValidateSqlite(options.ConnectionString, failures);
        }
        else
        {
            failures.Add(
                $"Storage:Provider '{options.Provider}' is not supported; use {StorageOptions.SqliteProvider} or {StorageOptions.PostgreSqlProvider}");
        }

        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            failures.Add("Storage:DataFolder must not be empty");
        }
        else if (options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:DataFolder is not a valid path");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            failures.Add("Storage:ConnectionString is not a valid SQLite connection string");
        }
    }

    private static void ValidatePostgreSql(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("Storage:ConnectionString is required when Storage:Provider is PostgreSQL");
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            failures.Add("Storage:ConnectionString is not a valid PostgreSQL connection string");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            failures.Add("Storage:ConnectionString for PostgreSQL names no Host");
        }
    }
}
