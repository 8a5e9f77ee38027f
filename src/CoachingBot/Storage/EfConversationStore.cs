using CoachingBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CoachingBot.Storage;

/// <summary>
/// Conversation references in the database. Teams sends installationUpdate and conversationUpdate for one install at
/// nearly the same moment, so upserts race; every step is one conditional statement whose row count tells this caller
/// whether it was the one that created or revived the conversation.
/// </summary>
internal sealed class EfConversationStore(IDbContextFactory<CoachingDbContext> contexts, TimeProvider time) : IConversationStore
{
    public async Task<bool> UpsertAsync(ConversationReference reference, string? timeZone, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var fresh = ToRecord(reference, TimeZoneIds.ToIana(timeZone), now);

        void SetReference(UpdateSettersBuilder<ConversationRecord> setters)
        {
            setters
                .SetProperty(c => c.ChannelId, fresh.ChannelId)
                .SetProperty(c => c.ServiceUrl, fresh.ServiceUrl)
                .SetProperty(c => c.TenantId, fresh.TenantId)
                .SetProperty(c => c.ConversationType, fresh.ConversationType)
                .SetProperty(c => c.BotId, fresh.BotId)
                .SetProperty(c => c.BotName, fresh.BotName)
                .SetProperty(c => c.UserId, fresh.UserId)
                .SetProperty(c => c.UserAadObjectId, fresh.UserAadObjectId)
                .SetProperty(c => c.UserName, fresh.UserName)
                .SetProperty(c => c.Locale, fresh.Locale)
                .SetProperty(c => c.ReferenceJson, fresh.ReferenceJson)
                .SetProperty(c => c.UpdatedAt, now);
            if (fresh.TimeZone is not null)
            {
                setters.SetProperty(c => c.TimeZone, fresh.TimeZone);
            }
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var id = fresh.ConversationId;
            var revived = await db.Conversations
                .Where(c => c.ConversationId == id && c.RemovedAt != null)
                .ExecuteUpdateAsync(
                    setters =>
                    {
                        SetReference(setters);
                        setters.SetProperty(c => c.RemovedAt, (DateTimeOffset?)null).SetProperty(c => c.InstalledAt, now).SetProperty(c => c.InstalledBy, fresh.InstalledBy);
                    },
                    cancellationToken)
                .ConfigureAwait(false);
            if (revived > 0)
            {
                return true;
            }

            if (await RefreshAsync().ConfigureAwait(false))
            {
                return await InstalledByThisAsync().ConfigureAwait(false);
            }

            if (await db.InsertIfAbsentAsync(fresh, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            // Another caller inserted it between our update and insert: it welcomes; we only refresh.
            await RefreshAsync().ConfigureAwait(false);
            return false;

            async Task<bool> InstalledByThisAsync() =>
                fresh.InstalledBy is { } activityId
                && await db.Conversations.AnyAsync(c => c.ConversationId == id && c.InstalledBy == activityId, cancellationToken).ConfigureAwait(false);

            async Task<bool> RefreshAsync() =>
                await db.Conversations
                    .Where(c => c.ConversationId == id)
                    .ExecuteUpdateAsync(SetReference, cancellationToken)
                    .ConfigureAwait(false) > 0;
        }
    }

    public async Task RetireAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var now = time.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Conversations
                .Where(c => c.ConversationId == conversationId && c.RemovedAt == null)
                .ExecuteUpdateAsync(
                    setters => setters.SetProperty(c => c.RemovedAt, now).SetProperty(c => c.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<StoredConversation?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var record = await db.Conversations
                .AsNoTracking()
                .SingleOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken)
                .ConfigureAwait(false);
            return record is null ? null : ToStored(record);
        }
    }

    public async Task<bool> SetTimeZoneAsync(string conversationId, string timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var iana = TimeZoneIds.ToIana(timeZone)
            ?? throw new ArgumentException($"'{timeZone}' is not a known time zone id (expected an IANA id such as Europe/London).", nameof(timeZone));
        var now = time.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.Conversations
                .Where(c => c.ConversationId == conversationId)
                .ExecuteUpdateAsync(
                    setters => setters.SetProperty(c => c.TimeZone, iana).SetProperty(c => c.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated > 0;
        }
    }

    private static ConversationRecord ToRecord(ConversationReference reference, string? timeZone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversation = reference.Conversation;
        if (string.IsNullOrEmpty(conversation?.Id))
        {
            throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));
        }

        if (string.IsNullOrEmpty(reference.ChannelId))
        {
            throw new ArgumentException("The conversation reference has no channel id.", nameof(reference));
        }

        if (string.IsNullOrEmpty(reference.ServiceUrl))
        {
            throw new ArgumentException("The conversation reference has no service URL.", nameof(reference));
        }

        var isPersonal = conversation.ConversationType is { } type
            ? string.Equals(type, ConversationTypes.Personal, StringComparison.OrdinalIgnoreCase)
            : conversation.IsGroup != true;
        var user = isPersonal ? reference.User : null;

        return new ConversationRecord
        {
            ConversationId = conversation.Id,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            TenantId = conversation.TenantId,
            ConversationType = conversation.ConversationType,
            BotId = reference.Bot?.Id,
            BotName = reference.Bot?.Name,
            UserId = user?.Id,
            UserAadObjectId = user?.AadObjectId,
            UserName = user?.Name,
            Locale = reference.Locale,
            TimeZone = timeZone,
            InstalledAt = now,
            InstalledBy = reference.ActivityId,
            UpdatedAt = now,
            RemovedAt = null,
            ReferenceJson = BotJson.Serialize(reference),
        };
    }

    private static StoredConversation ToStored(ConversationRecord record) => new(
        record.ConversationId,
        record.ChannelId,
        record.ServiceUrl,
        record.TenantId,
        record.ConversationType,
        record.BotId,
        record.BotName,
        record.UserId,
        record.UserAadObjectId,
        record.UserName,
        record.Locale,
        record.TimeZone,
        record.InstalledAt,
        record.UpdatedAt,
        record.RemovedAt,
        BotJson.Deserialize<ConversationReference>(record.ReferenceJson)
            ?? throw new InvalidOperationException("A stored conversation reference is empty."));
}
