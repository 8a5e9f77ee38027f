using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>
/// A store whose first write or delete lets another writer in first (by running <paramref name="interfere"/>
/// against the same inner store), so the write then loses on its stale ETag, as a real race would.
/// </summary>
internal sealed class InterferedOnceStore(IDialogStateStore inner, Func<Task> interfere) : IDialogStateStore
{
    private bool _interfered;

    public int Reads { get; private set; }

    public Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.ReadAsync(key, cancellationToken);
    }

    public async Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default)
    {
        await InterfereOnceAsync();
        return await inner.WriteAsync(key, json, etag, cancellationToken);
    }

    public async Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        await InterfereOnceAsync();
        await inner.DeleteAsync(key, etag, cancellationToken);
    }

    private async Task InterfereOnceAsync()
    {
        if (!_interfered)
        {
            _interfered = true;
            await interfere();
        }
    }
}

/// <summary>A store whose every write and delete loses.</summary>
internal sealed class AlwaysConflictingStore(IDialogStateStore inner) : IDialogStateStore
{
    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.ReadAsync(key, cancellationToken);
    }

    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default)
    {
        Writes++;
        throw new DialogStateConflictException();
    }

    public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        Writes++;
        throw new DialogStateConflictException();
    }
}
