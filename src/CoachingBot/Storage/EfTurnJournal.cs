using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// The turn journal in the bot's database, shared by every instance: the inbox row is stored before Teams gets its
/// 200 and is the resend de-duplication; a turn's dialog state, its replies and its end are one transaction; the lane
/// lease is a row that one owner holds until it expires, and every commit checks it is still the holder.
/// </summary>
internal sealed class EfTurnJournal(IDbContextFactory<CoachingDbContext> contexts, TimeProvider time) : ITurnJournal
{
    public async Task<JournalTurn?> AcceptAsync(Activity activity, bool runsInline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = JournalTurn.KeyOf(activity);
        var record = new InboxRecord
        {
            Key = key,
            ConversationId = activity.Conversation!.Id!,
            ActivityType = activity.Type,
            Payload = BotJson.Serialize(activity),
            ReceivedAt = time.GetUtcNow(),
            Inline = runsInline,
            Attempts = runsInline ? 1 : 0,
        };

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.InsertIfAbsentAsync(record, cancellationToken).ConfigureAwait(false)
                ? new JournalTurn(key, activity, record.Attempts)
                : null;
        }
    }

    public async Task<LaneLease?> TryClaimLaneAsync(string conversationId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expires = now + duration;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Take it over when it is ours or has expired; otherwise create it. A row created by someone else between
            // the two statements makes the insert a no-op: then they hold it.
            var taken = await db.Lanes
                .Where(l => l.ConversationId == conversationId && (l.Owner == owner || l.ExpiresAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, expires), cancellationToken)
                .ConfigureAwait(false);
            if (taken == 0)
            {
                var lane = new LaneRecord { ConversationId = conversationId, Owner = owner, ExpiresAt = expires };
                if (!await db.InsertIfAbsentAsync(lane, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            return new LaneLease(conversationId, owner, duration);
        }
    }

    public async Task ReleaseLaneAsync(LaneLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Lanes
                .Where(l => l.ConversationId == lease.ConversationId && l.Owner == lease.Owner)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<JournalTurn?> NextTurnAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var next = await db.Inbox
                .AsNoTracking()
                .Where(r => r.ConversationId == conversationId && r.FinishedAt == null && !r.Inline)
                .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Key)
                .Select(r => new { r.Key, r.Payload, r.Attempts })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (next is null)
            {
                return null;
            }

            // Counted before the turn runs, so a turn that takes the process down is not retried forever.
            await db.Inbox
                .Where(r => r.Key == next.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken)
                .ConfigureAwait(false);
            var activity = BotJson.Deserialize<Activity>(next.Payload)
                ?? throw new InvalidOperationException("A stored activity could not be read.");
            return new JournalTurn(next.Key, activity, next.Attempts + 1);
        }
    }

    public async Task CompleteTurnAsync(
        LaneLease lease,
        JournalTurn turn,
        IReadOnlyList<StateWrite> stateWrites,
        IReadOnlyList<OutgoingOperation> operations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(stateWrites);
        ArgumentNullException.ThrowIfNull(operations);
        var now = time.GetUtcNow();
        var expires = now + lease.Duration;

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The fence: a holder whose lease was taken over commits nothing. It also renews the lease.
                var held = await db.Lanes
                    .Where(l => l.ConversationId == lease.ConversationId && l.Owner == lease.Owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken)
                    .ConfigureAwait(false);
                if (held == 0)
                {
                    throw new LaneLostException();
                }

                foreach (var write in stateWrites)
                {
                    await EfDialogStateStore.ApplyAsync(db, write, now, cancellationToken).ConfigureAwait(false);
                }

                var receivedAt = await db.Inbox
                    .Where(r => r.Key == turn.Key)
                    .Select(r => (DateTimeOffset?)r.ReceivedAt)
                    .SingleOrDefaultAsync(cancellationToken)
                    .ConfigureAwait(false) ?? now;
                for (var i = 0; i < operations.Count; i++)
                {
                    var operation = operations[i];
                    db.Outbox.Add(new OutboxRecord
                    {
                        TurnKey = turn.Key,
                        Index = i,
                        ConversationId = lease.ConversationId,
                        TurnReceivedAt = receivedAt,
                        IsUpdate = operation.Kind == OutgoingKind.Update,
                        TargetActivityId = operation.ActivityId,
                        Payload = BotJson.Serialize(operation.Activity),
                    });
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await db.Inbox
                    .Where(r => r.Key == turn.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now), cancellationToken)
                    .ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> UnsentAsync(string conversationId, int max, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Outbox
                .AsNoTracking()
                .Where(o => o.ConversationId == conversationId && o.SettledAt == null)
                .OrderBy(o => o.TurnReceivedAt).ThenBy(o => o.TurnKey).ThenBy(o => o.Index)
                .Take(max)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. rows.Select(o => new OutboxEntry(
                o.TurnKey,
                o.Index,
                new OutgoingOperation(
                    o.IsUpdate ? OutgoingKind.Update : OutgoingKind.Send,
                    BotJson.Deserialize<Activity>(o.Payload) ?? throw new InvalidOperationException("A stored reply could not be read."),
                    o.TargetActivityId),
                o.Attempts))];
        }
    }

    public async Task SettleAsync(OutboxEntry entry, OutboxSettlement settlement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = db.Outbox.Where(o => o.TurnKey == entry.TurnKey && o.Index == entry.Index);
            await (settlement == OutboxSettlement.RetryLater
                    ? row.ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken)
                    : row.ExecuteUpdateAsync(
                        s => s.SetProperty(o => o.SettledAt, now).SetProperty(o => o.Delivered, settlement == OutboxSettlement.Sent),
                        cancellationToken))
                .ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> ConversationsWithWorkAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var turns = await db.Inbox
                .Where(r => r.FinishedAt == null && !r.Inline)
                .Select(r => r.ConversationId).Distinct().OrderBy(c => c).Take(max)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var replies = await db.Outbox
                .Where(o => o.SettledAt == null)
                .Select(o => o.ConversationId).Distinct().OrderBy(c => c).Take(max)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var candidates = turns.Union(replies, StringComparer.Ordinal).ToList();
            if (candidates.Count == 0)
            {
                return [];
            }

            var busy = await db.Lanes
                .Where(l => candidates.Contains(l.ConversationId) && l.ExpiresAt > now)
                .Select(l => l.ConversationId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. candidates.Except(busy, StringComparer.Ordinal).Take(max)];
        }
    }

    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var cutoff = time.GetUtcNow() - olderThan;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var replies = await db.Outbox
                .Where(o => o.SettledAt != null && o.SettledAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            // An inline turn whose process died never finishes; nobody waits for it after a while either.
            var turns = await db.Inbox
                .Where(r => (r.FinishedAt != null && r.FinishedAt < cutoff) || (r.Inline && r.ReceivedAt < cutoff))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return replies + turns;
        }
    }
}
