using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// A conversation piece with its own state, run from a <see cref="DialogContext"/>. Dialog objects are shared by
/// every conversation and hold no per-conversation fields: what a dialog remembers lives in
/// <see cref="DialogInstance.State"/>, which the runner persists between turns.
/// </summary>
public abstract class Dialog
{
    /// <summary>Creates a dialog with the id it is registered and begun under.</summary>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The dialog's id, unique within its <see cref="DialogSet"/> and stored in the dialog state.</summary>
    public string Id { get; }

    /// <summary>
    /// Called when the dialog is pushed onto the stack (it is <see cref="DialogContext.ActiveDialog"/> with an empty state).
    /// Return what <see cref="DialogContext"/> returns (waiting, or the end of the dialog).
    /// </summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>A new activity arrived while this dialog is on top. The default ends the dialog with no result.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// A child this dialog began has ended, in the same turn. The default ends this dialog too, passing on a completed
    /// child's result or a cancellation.
    /// </summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, DialogTurnResult childResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(childResult);
        return childResult.Status == DialogTurnStatus.Cancelled
            ? dc.CancelDialogAsync(cancellationToken)
            : dc.EndDialogAsync(childResult.Result, cancellationToken);
    }

    /// <summary>
    /// The user typed <c>back</c> at a question this dialog's child asked, and the child has left the stack: ask the
    /// previous question again, showing the answer given. Return null when there is no earlier question to go back to
    /// (the caller then re-asks the current one). The default cannot step back.
    /// </summary>
    public virtual Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);

    /// <summary>
    /// Whether a text message arriving at <paramref name="at"/> while this dialog's child waits continues the previous
    /// answer rather than answering the child's question. The default never joins.
    /// </summary>
    public virtual bool JoinsPreviousAnswer(DialogInstance instance, DateTimeOffset at) => false;

    /// <summary>
    /// Adds <paramref name="text"/> to the previous answer (after <see cref="JoinsPreviousAnswer"/> said yes and the
    /// child has left the stack) and asks the current question again.
    /// </summary>
    public virtual Task<DialogTurnResult> JoinPreviousAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"'{Id}' does not join answers.");

    /// <summary>Asks the current question again, as after the user typed <c>help</c>. The default does nothing.</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called as the dialog leaves the stack, for cleanup. <paramref name="instance"/> is its entry, already popped.</summary>
    public virtual Task EndAsync(DialogContext dc, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Whether <paramref name="state"/>, read back from the store, is one this dialog can go on from. A false answer makes
    /// the runner discard the stored stack and start afresh rather than fail on every later turn.
    /// </summary>
    public virtual bool IsValidState(JsonObject state) => state is not null;
}
