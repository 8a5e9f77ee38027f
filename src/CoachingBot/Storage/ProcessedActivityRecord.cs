namespace CoachingBot.Storage;

internal sealed class ProcessedActivityRecord
{
    /// <summary><c>{conversationId}|{activityId}</c>.</summary>
    public required string Key { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
