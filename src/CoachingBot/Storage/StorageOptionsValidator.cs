using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CoachingBot.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.Equals(options.Provider, StorageOptions.PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Storage:Provider PostgreSQL is not available yet");
        }
        else if (!string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:Provider '{options.Provider}' is not supported; use {StorageOptions.SqliteProvider}");
        }

        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            failures.Add("Storage:DataFolder must not be empty");
        }
        else if (options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:DataFolder is not a valid path");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException)
            {
                // The value itself is left out of the message: a connection string may carry a password.
                failures.Add("Storage:ConnectionString is not a valid SQLite connection string");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
