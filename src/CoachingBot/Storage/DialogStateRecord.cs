namespace CoachingBot.Storage;

internal sealed class DialogStateRecord
{
    public const int MaxKeyLength = 512;
    public const int MaxETagLength = 64;

    public required string Key { get; set; }
    public required string Json { get; set; }
    public required string ETag { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
