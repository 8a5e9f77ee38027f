namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Where dialog state is kept between turns, with optimistic concurrency: every write names the ETag it read,
/// and a write against a stale ETag fails with <see cref="DialogStateConflictException"/> instead of overwriting.
/// </summary>
public interface IDialogStateStore
{
    /// <summary>The stored state for <paramref name="key"/>, or null when there is none.</summary>
    Task<StoredDialogState?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="json"/> for <paramref name="key"/>. <paramref name="etag"/> is the ETag read, or null to create.
    /// Returns the new ETag. Throws <see cref="DialogStateConflictException"/> when someone else wrote first.
    /// </summary>
    Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state for <paramref name="key"/>, if its ETag still matches (null: whatever it is).</summary>
    Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default);
}

/// <summary>Dialog state as stored.</summary>
/// <param name="Json">The serialized dialog stack.</param>
/// <param name="ETag">The version, to pass back on write.</param>
public sealed record StoredDialogState(string Json, string ETag);

/// <summary>Another writer changed the state since it was read.</summary>
public sealed class DialogStateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DialogStateConflictException() : base("The dialog state was changed by another writer.") { }
    /// <summary>Creates the exception with a message.</summary>
    public DialogStateConflictException(string message) : base(message) { }
    /// <summary>Creates the exception with a message and cause.</summary>
    public DialogStateConflictException(string message, Exception innerException) : base(message, innerException) { }
}
