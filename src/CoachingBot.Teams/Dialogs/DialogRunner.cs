using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Runs one turn against the stored dialog stack: reads it, lets the app act on it, and writes it back with the ETag
/// it read. A turn that loses the write to another writer is discarded (replies included) and run again on the fresh
/// state, so nothing is said twice; <c>onTurn</c> must therefore keep its effects in replies and dialog state, or make
/// them safe to repeat. When the stack ends empty, the stored state is deleted.
/// </summary>
public sealed partial class DialogRunner
{
    private readonly DialogSet _dialogs;
    private readonly IDialogStateStore _store;
    private readonly ILogger<DialogRunner> _logger;
    private readonly DialogRunnerOptions _options;

    /// <summary>Creates a runner over <paramref name="dialogs"/> with state in <paramref name="store"/>.</summary>
    public DialogRunner(DialogSet dialogs, IDialogStateStore store, ILogger<DialogRunner> logger, IOptions<DialogRunnerOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _dialogs = dialogs;
        _store = store;
        _logger = logger;
        _options = options?.Value ?? new DialogRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
    }

    /// <summary>
    /// Runs <paramref name="onTurn"/> with the conversation's dialog stack and saves the stack afterwards. The app decides
    /// in <paramref name="onTurn"/> what to do: interruptions such as help or cancel, beginning a dialog, or continuing one.
    /// Replies stay queued on <paramref name="turn"/>; the caller flushes them once this returns.
    /// </summary>
    /// <exception cref="DialogStateConflictException">The state kept changing under the turn for every attempt allowed.</exception>
    public async Task RunAsync(TurnContext turn, Func<DialogContext, CancellationToken, Task> onTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(onTurn);
        var key = _options.StateKey(turn.Activity);
        if (turn.CommitsStateWithReplies)
        {
            // The host commits the state with the replies and runs the whole turn again if the write loses a race.
            var stored = await _store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            var state = Load(key, stored, turn);
            await onTurn(new DialogContext(_dialogs, turn, state), cancellationToken).ConfigureAwait(false);
            if (ChangeOf(key, stored, state) is { } write)
            {
                turn.StageStateWrite(write);
            }

            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await _store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            var state = Load(key, stored, turn);
            await onTurn(new DialogContext(_dialogs, turn, state), cancellationToken).ConfigureAwait(false);
            try
            {
                await SaveAsync(ChangeOf(key, stored, state), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DialogStateConflictException ex)
            {
                turn.DiscardPending();
                if (attempt >= _options.MaxAttempts)
                {
                    LogGaveUp(ex, key, attempt);
                    throw;
                }

                LogRetrying(key, attempt + 1);
            }
        }
    }

    private DialogState Load(string key, StoredDialogState? stored, TurnContext turn)
    {
        if (stored is null)
        {
            return new DialogState();
        }

        if (DialogState.TryParse(stored.Json, _dialogs, out var state, out var problem))
        {
            return state;
        }

        LogUnusableState(key, problem);
        turn.SendText(_options.LostTrackMessage);
        return new DialogState();
    }

    /// <summary>What must change in the store: null when nothing does; a write with null JSON deletes.</summary>
    private static StateWrite? ChangeOf(string key, StoredDialogState? stored, DialogState state)
    {
        if (state.Stack.Count == 0)
        {
            return stored is null ? null : new StateWrite(key, null, stored.ETag);
        }

        var json = state.Serialize();
        return stored is not null && string.Equals(stored.Json, json, StringComparison.Ordinal)
            ? null
            : new StateWrite(key, json, stored?.ETag);
    }

    private async Task SaveAsync(StateWrite? write, CancellationToken cancellationToken)
    {
        if (write is null)
        {
            return;
        }

        if (write.Json is null)
        {
            await _store.DeleteAsync(write.Key, write.ETag, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _store.WriteAsync(write.Key, write.Json, write.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dialog state for {StateKey} could not be used ({Problem}); starting afresh")]
    private partial void LogUnusableState(string stateKey, DialogStateProblem problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialog state for {StateKey} changed during the turn; running the turn again (attempt {Attempt})")]
    private partial void LogRetrying(string stateKey, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dialog state for {StateKey} kept changing during the turn; gave up after {Attempts} attempts")]
    private partial void LogGaveUp(Exception exception, string stateKey, int attempts);
}
