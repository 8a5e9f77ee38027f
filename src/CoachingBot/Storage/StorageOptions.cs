namespace CoachingBot.Storage;

/// <summary>Configuration section "Storage": where the bot keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string PostgreSqlProvider = "PostgreSQL";

    /// <summary>Folder for the bot's files. A relative path is resolved against the host's content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Optional. When empty, the SQLite file <c>{DataFolder}/coachingbot.db</c> is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>"Sqlite" (the default). "PostgreSQL" is reserved for scale-out and rejected for now.</summary>
    public string Provider { get; set; } = SqliteProvider;
}
