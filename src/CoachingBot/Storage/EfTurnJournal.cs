using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// The turn journal in the bot's database, shared by every instance: the inbox row is stored before Teams gets its
/// 200 and is the resend de-duplication; a turn's dialog state, its replies and its end are one transaction; the lane
/// lease is a row that one owner holds until it expires, and every commit checks it is still the holder.
/// The statements every turn runs are SQL written out (the same text on SQLite and PostgreSQL; times are the UTC
/// ticks <see cref="UtcTicksConverter"/> stores): translating LINQ each time cost more than running them.
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
            // One statement: create the row, or take it over when it is ours or has expired. When someone else holds
            // it, the conflict's update is skipped and nothing changes.
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "conversation_lanes" ("ConversationId", "Owner", "ExpiresAt") VALUES ({conversationId}, {owner}, {expires.UtcTicks})
                ON CONFLICT ("ConversationId") DO UPDATE SET "Owner" = excluded."Owner", "ExpiresAt" = excluded."ExpiresAt"
                WHERE "conversation_lanes"."Owner" = excluded."Owner" OR "conversation_lanes"."ExpiresAt" <= {now.UtcTicks}
                """,
                cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                return null;
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
            await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "conversation_lanes" WHERE "ConversationId" = {lease.ConversationId} AND "Owner" = {lease.Owner}""",
                cancellationToken).ConfigureAwait(false);
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
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "turn_inbox" SET "Attempts" = "Attempts" + 1 WHERE "Key" = {next.Key}""",
                cancellationToken).ConfigureAwait(false);
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
                var held = await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "conversation_lanes" SET "ExpiresAt" = {expires.UtcTicks} WHERE "ConversationId" = {lease.ConversationId} AND "Owner" = {lease.Owner}""",
                    cancellationToken).ConfigureAwait(false);
                if (held == 0)
                {
                    throw new LaneLostException();
                }

                foreach (var write in stateWrites)
                {
                    await EfDialogStateStore.ApplyAsync(db, write, now, cancellationToken).ConfigureAwait(false);
                }

                // Replies are ordered by their turn's arrival, which the inbox row holds.
                for (var i = 0; i < operations.Count; i++)
                {
                    var operation = operations[i];
                    var isUpdate = operation.Kind == OutgoingKind.Update;
                    var payload = BotJson.Serialize(operation.Activity);
                    await db.Database.ExecuteSqlAsync(
                        $"""
                        INSERT INTO "turn_outbox" ("TurnKey", "Index", "ConversationId", "TurnReceivedAt", "IsUpdate", "TargetActivityId", "Payload", "Attempts", "SettledAt", "Delivered")
                        VALUES ({turn.Key}, {i}, {lease.ConversationId}, COALESCE((SELECT "ReceivedAt" FROM "turn_inbox" WHERE "Key" = {turn.Key}), {now.UtcTicks}), {isUpdate}, {operation.ActivityId}, {payload}, 0, NULL, FALSE)
                        """,
                        cancellationToken).ConfigureAwait(false);
                }

                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "turn_inbox" SET "FinishedAt" = {now.UtcTicks} WHERE "Key" = {turn.Key}""",
                    cancellationToken).ConfigureAwait(false);
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
            if (settlement == OutboxSettlement.RetryLater)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "turn_outbox" SET "Attempts" = "Attempts" + 1 WHERE "TurnKey" = {entry.TurnKey} AND "Index" = {entry.Index}""",
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var delivered = settlement == OutboxSettlement.Sent;
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "turn_outbox" SET "SettledAt" = {now.UtcTicks}, "Delivered" = {delivered} WHERE "TurnKey" = {entry.TurnKey} AND "Index" = {entry.Index}""",
                    cancellationToken).ConfigureAwait(false);
            }
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
