using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CoachingBot.Storage;

/// <summary>
/// Dialog state in the database. Each call uses its own short-lived context, so one instance serves concurrent
/// turns; the ETag check is part of the UPDATE/DELETE statement itself, so it holds across bot instances too.
/// </summary>
internal sealed class EfDialogStateStore(IDbContextFactory<CoachingDbContext> contexts, TimeProvider time) : IDialogStateStore
{
    public async Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.DialogStates
                .AsNoTracking()
                .Where(r => r.Key == key)
                .Select(r => new StoredDialogState(r.Json, r.ETag))
                .SingleOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return (await ApplyAsync(db, new StateWrite(key, json, etag), time.GetUtcNow(), cancellationToken).ConfigureAwait(false))!;
        }
    }

    public async Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await ApplyAsync(db, new StateWrite(key, null, etag), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes or (with null JSON) deletes on <paramref name="db"/>, inside whatever transaction it has open, so a
    /// turn's state can be committed with its replies. Returns the new ETag of a write.
    /// </summary>
    /// <remarks>
    /// Deleting with an ETag when nothing is stored succeeds: the state is gone either way. A stale ETag on a row
    /// that is still there is a conflict, like a write.
    /// </remarks>
    internal static async Task<string?> ApplyAsync(CoachingDbContext db, StateWrite write, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (key, json, etag) = write;
        ValidateKey(key);
        if (json is null)
        {
            var matching = etag is null
                ? db.DialogStates.Where(r => r.Key == key)
                : db.DialogStates.Where(r => r.Key == key && r.ETag == etag);
            var deleted = await matching.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            // Nothing deleted against an ETag means someone else changed or removed the state since it was read.
            if (deleted == 0 && etag is not null)
            {
                throw new DialogStateConflictException("Dialog state was changed by another writer since it was read.");
            }

            return null;
        }

        var newETag = Guid.NewGuid().ToString("N");
        if (etag is null)
        {
            var record = new DialogStateRecord { Key = key, Json = json, ETag = newETag, UpdatedAt = now };
            if (!await db.InsertIfAbsentAsync(record, cancellationToken).ConfigureAwait(false))
            {
                throw new DialogStateConflictException("Dialog state already exists for this key: another writer created it first.");
            }

            return newETag;
        }

        var updated = await db.DialogStates
            .Where(r => r.Key == key && r.ETag == etag)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(r => r.Json, json)
                    .SetProperty(r => r.ETag, newETag)
                    .SetProperty(r => r.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        if (updated == 0)
        {
            throw new DialogStateConflictException("Dialog state was changed or deleted by another writer since it was read.");
        }

        return newETag;
    }

    private static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > DialogStateRecord.MaxKeyLength)
        {
            throw new ArgumentException(
                $"A dialog state key is at most {DialogStateRecord.MaxKeyLength} characters; this one has {key.Length}.", nameof(key));
        }
    }
}
