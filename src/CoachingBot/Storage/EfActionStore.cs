using CoachingBot.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Agreed actions in the database. A status change is one UPDATE whose WHERE clause holds the owner check, so a
/// user can only ever change their own actions, whatever id a card sends back.
/// </summary>
internal sealed class EfActionStore(IDbContextFactory<CoachingDbContext> contexts, TimeProvider time) : IActionStore
{
    /// <remarks>
    /// All or none, in one transaction. Each action's conversation must be saved first: the actions are deleted
    /// with it, so an action without one is refused with a message rather than a foreign-key error.
    /// </remarks>
    public async Task SaveAsync(IEnumerable<ActionItem> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var records = actions.Select(ToRecord).ToList();
        if (records.Count == 0)
        {
            return;
        }

        var conversationIds = records.Select(r => r.ConversationId).Distinct().ToList();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var known = await db.CoachingConversations
                    .Where(c => conversationIds.Contains(c.Id))
                    .Select(c => c.Id)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                var missing = conversationIds.Except(known).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidOperationException(
                        $"No coaching conversation {string.Join(", ", missing)}: save the conversation before its actions.");
                }

                foreach (var record in records)
                {
                    await db.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<ActionItem>> ListOpenAsync(string ownerUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var records = await db.ActionItems
                .AsNoTracking()
                .Where(r => r.OwnerUserId == ownerUserId && (r.Status == ActionStatus.Open || r.Status == ActionStatus.InProgress))
                .OrderBy(r => r.ByWhen)
                .ThenBy(r => r.CreatedAt)
                .ThenBy(r => r.Id)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. records.Select(ToAction)];
        }
    }

    /// <remarks>In the order they were recorded; actions recorded at the same moment soonest first.</remarks>
    public async Task<IReadOnlyList<ActionItem>> ListForConversationAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var records = await db.ActionItems
                .AsNoTracking()
                .Where(r => r.ConversationId == conversationId)
                .OrderBy(r => r.CreatedAt)
                .ThenBy(r => r.ByWhen)
                .ThenBy(r => r.Id)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. records.Select(ToAction)];
        }
    }

    public async Task<bool> SetStatusAsync(Guid actionId, string ownerUserId, ActionStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not an action status.");
        }

        var now = time.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.ActionItems
                .Where(r => r.Id == actionId && r.OwnerUserId == ownerUserId)
                .ExecuteUpdateAsync(
                    setters => setters.SetProperty(r => r.Status, status).SetProperty(r => r.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated > 0;
        }
    }

    private static ActionItemRecord ToRecord(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        const string name = nameof(action);
        if (action.Id == Guid.Empty || action.ConversationId == Guid.Empty)
        {
            throw new ArgumentException("An action needs its own id and its conversation's id.", name);
        }

        if (string.IsNullOrEmpty(action.OwnerUserId))
        {
            throw new ArgumentException($"Action {action.Id} has no owner.", name);
        }

        if (string.IsNullOrWhiteSpace(action.What) || action.What.Length > ActionItemRecord.MaxWhatLength)
        {
            throw new ArgumentException(
                $"Action {action.Id}: what to do must be 1 to {ActionItemRecord.MaxWhatLength} characters; it has {action.What?.Length ?? 0}.", name);
        }

        if (action.Support?.Length > ActionItemRecord.MaxSupportLength)
        {
            throw new ArgumentException(
                $"Action {action.Id}: the support needed is at most {ActionItemRecord.MaxSupportLength} characters; it has {action.Support.Length}.", name);
        }

        if (!Enum.IsDefined(action.Status))
        {
            throw new ArgumentException($"Action {action.Id}: {action.Status} is not an action status.", name);
        }

        return new ActionItemRecord
        {
            Id = action.Id,
            ConversationId = action.ConversationId,
            OwnerUserId = action.OwnerUserId,
            What = action.What,
            ByWhen = action.ByWhen,
            Support = action.Support,
            Confidence = action.Confidence,
            Status = action.Status,
            CreatedAt = action.CreatedAt,
            UpdatedAt = action.UpdatedAt,
        };
    }

    private static ActionItem ToAction(ActionItemRecord record) => new()
    {
        Id = record.Id,
        ConversationId = record.ConversationId,
        OwnerUserId = record.OwnerUserId,
        What = record.What,
        ByWhen = record.ByWhen,
        Support = record.Support,
        Confidence = record.Confidence,
        Status = record.Status,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
    };
}
