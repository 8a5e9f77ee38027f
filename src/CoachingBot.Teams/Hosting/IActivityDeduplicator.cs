namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Remembers which activities were taken in, so that Teams' resend of a slow activity (same id, about 15 s later)
/// is handled once.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time an activity id is seen in a conversation; false for a repeat.</summary>
    ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);
}
