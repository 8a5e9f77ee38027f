using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

internal sealed class EfProcessedActivityStore(IDbContextFactory<CoachingDbContext> contexts, TimeProvider time) : IProcessedActivityStore
{
    public async Task<bool> TryMarkAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var record = new ProcessedActivityRecord { Key = $"{conversationId}|{activityId}", SeenAt = time.GetUtcNow() };

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.InsertIfAbsentAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var cutoff = time.GetUtcNow() - olderThan;

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.ProcessedActivities
                .Where(r => r.SeenAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
