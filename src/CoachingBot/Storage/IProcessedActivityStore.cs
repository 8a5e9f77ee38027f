namespace CoachingBot.Storage;

/// <summary>
/// Activity ids already handled, so that Teams' resend of a slow turn is not handled twice, across restarts and
/// across instances.
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>Records the activity; false when it was already recorded (by this or another instance).</summary>
    Task<bool> TryMarkAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Forgets activities recorded more than <paramref name="olderThan"/> ago; returns how many.</summary>
    Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default);
}
