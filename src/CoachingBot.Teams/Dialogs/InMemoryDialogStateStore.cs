using System.Globalization;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Dialog state in process memory: for tests, and a fallback when the app registers no store. State is lost when the
/// process stops and is not shared between instances. A write or delete naming an ETag that no longer matches, or
/// a key that is gone, throws <see cref="DialogStateConflictException"/>; a write with no ETag conflicts when state exists.
/// </summary>
public sealed class InMemoryDialogStateStore : IDialogStateStore
{
    private readonly Dictionary<string, StoredDialogState> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>How many keys hold state.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _states.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(json);
        lock (_gate)
        {
            var exists = _states.TryGetValue(key, out var current);
            if (etag is null ? exists : !exists || current!.ETag != etag)
            {
                throw new DialogStateConflictException();
            }

            var newETag = (++_version).ToString(CultureInfo.InvariantCulture);
            _states[key] = new StoredDialogState(json, newETag);
            return Task.FromResult(newETag);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (etag is not null && (!_states.TryGetValue(key, out var current) || current.ETag != etag))
            {
                throw new DialogStateConflictException();
            }

            _states.Remove(key);
            return Task.CompletedTask;
        }
    }
}
