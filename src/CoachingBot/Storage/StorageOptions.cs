namespace CoachingBot.Storage;

/// <summary>Configuration section "Storage": where the bot keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string PostgreSqlProvider = "PostgreSQL";

    /// <summary>Folder for the bot's files. A relative path is resolved against the host's content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// For SQLite optional: when empty, the file <c>{DataFolder}/coachingbot.db</c> is used. For PostgreSQL required:
    /// an Npgsql connection string. May carry a password, so it never appears in a message or a log.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>"Sqlite" (the default) or "PostgreSQL" (for more than one instance).</summary>
    public string Provider { get; set; } = SqliteProvider;
}
