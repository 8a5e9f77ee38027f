using CoachingBot.Storage;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Chat;

/// <summary>Resend de-duplication kept in the database, so it holds across restarts and across instances.</summary>
public sealed class StoredActivityDeduplicator : IActivityDeduplicator
{
    private readonly IProcessedActivityStore _store;

    public StoredActivityDeduplicator(IProcessedActivityStore store) => _store = store;

    public async ValueTask<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await _store.TryMarkAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false);
}
