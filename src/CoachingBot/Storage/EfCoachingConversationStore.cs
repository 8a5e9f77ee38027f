using CoachingBot.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Coaching conversations in the database, one row each. A save is one upsert statement, so two turns saving the
/// same conversation at once (or two instances) both succeed and the last one wins, as it would in memory.
/// </summary>
internal sealed class EfCoachingConversationStore(IDbContextFactory<CoachingDbContext> contexts) : ICoachingConversationStore
{
    public async Task SaveAsync(CoachingConversation conversation, CancellationToken cancellationToken = default)
    {
        var record = ToRecord(conversation);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CoachingConversation?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var record = await db.CoachingConversations
                .AsNoTracking()
                .SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                .ConfigureAwait(false);
            return record is null ? null : ToConversation(record);
        }
    }

    public async Task<CoachingConversation?> FindUnfinishedAsync(string ownerUserId, string chatId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var record = await db.CoachingConversations
                .AsNoTracking()
                .Where(r => r.OwnerUserId == ownerUserId
                    && r.ChatId == chatId
                    && (r.Status == ConversationStatus.Active || r.Status == ConversationStatus.Draft))
                .OrderByDescending(r => r.UpdatedAt)
                .ThenByDescending(r => r.StartedAt)
                .ThenBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            return record is null ? null : ToConversation(record);
        }
    }

    /// <remarks>Most recent by <see cref="CoachingConversation.UpdatedAt"/>: the one last worked on comes first.</remarks>
    public async Task<IReadOnlyList<CoachingConversation>> ListAsync(string ownerUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var records = await db.CoachingConversations
                .AsNoTracking()
                .Where(r => r.OwnerUserId == ownerUserId)
                .OrderByDescending(r => r.UpdatedAt)
                .ThenByDescending(r => r.StartedAt)
                .ThenBy(r => r.Id)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. records.Select(ToConversation)];
        }
    }

    /// <remarks>
    /// UpdatedAt is left as it was: it stays the time the client last answered, so a draft's age is true and the
    /// order of unfinished conversations does not change.
    /// </remarks>
    public async Task<int> MarkIdleAsDraftsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.CoachingConversations
                .Where(r => r.Status == ConversationStatus.Active && r.UpdatedAt < idleSince)
                .ExecuteUpdateAsync(setters => setters.SetProperty(r => r.Status, ConversationStatus.Draft), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static CoachingConversationRecord ToRecord(CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        const string name = nameof(conversation);
        if (conversation.Id == Guid.Empty)
        {
            throw new ArgumentException("A coaching conversation needs an id.", name);
        }

        if (string.IsNullOrEmpty(conversation.OwnerUserId) || string.IsNullOrEmpty(conversation.ChatId) || string.IsNullOrEmpty(conversation.ModelId))
        {
            throw new ArgumentException("A coaching conversation needs its owner's user id, its chat id and its model id.", name);
        }

        if (!Enum.IsDefined(conversation.Status))
        {
            throw new ArgumentException($"{conversation.Status} is not a conversation status.", name);
        }

        // The record's init accessors accept null despite the annotations; store an absent part as empty.
        return new CoachingConversationRecord
        {
            Id = conversation.Id,
            OwnerUserId = conversation.OwnerUserId,
            OwnerName = conversation.OwnerName,
            ChatId = conversation.ChatId,
            ModelId = conversation.ModelId,
            Status = conversation.Status,
            StartedAt = conversation.StartedAt,
            UpdatedAt = conversation.UpdatedAt,
            CompletedAt = conversation.CompletedAt,
            PresentingNeed = conversation.PresentingNeed,
            TimeAvailable = conversation.TimeAvailable,
            AnswersJson = CoachingConversationJson.Serialize(conversation.Answers ?? new Dictionary<string, string>()),
            GoalJson = conversation.Goal is null ? null : CoachingConversationJson.Serialize(conversation.Goal),
            OptionsJson = CoachingConversationJson.Serialize(conversation.Options ?? []),
            ContractCheck = conversation.ContractCheck,
            FollowUpOn = conversation.FollowUpOn,
            FirstRatingsJson = CoachingConversationJson.Serialize(conversation.FirstRatings ?? new Dictionary<string, int>()),
            FirstComment = conversation.FirstComment,
        };
    }

    private static CoachingConversation ToConversation(CoachingConversationRecord record) => new()
    {
        Id = record.Id,
        OwnerUserId = record.OwnerUserId,
        OwnerName = record.OwnerName,
        ChatId = record.ChatId,
        ModelId = record.ModelId,
        Status = record.Status,
        StartedAt = record.StartedAt,
        UpdatedAt = record.UpdatedAt,
        CompletedAt = record.CompletedAt,
        PresentingNeed = record.PresentingNeed,
        TimeAvailable = record.TimeAvailable,
        Answers = CoachingConversationJson.Deserialize<Dictionary<string, string>>(
            record.AnswersJson, record.Id, nameof(record.AnswersJson), []),
        Goal = record.GoalJson is null
            ? null
            : CoachingConversationJson.Deserialize<GoalDraft?>(record.GoalJson, record.Id, nameof(record.GoalJson), null),
        Options = CoachingConversationJson.Deserialize<List<OptionItem>>(
            record.OptionsJson, record.Id, nameof(record.OptionsJson), []),
        ContractCheck = record.ContractCheck,
        FollowUpOn = record.FollowUpOn,
        FirstRatings = CoachingConversationJson.Deserialize<Dictionary<string, int>>(
            record.FirstRatingsJson, record.Id, nameof(record.FirstRatingsJson), []),
        FirstComment = record.FirstComment,
    };
}
