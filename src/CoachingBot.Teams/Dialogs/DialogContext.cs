using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// The dialog stack of one conversation during one turn. Every call runs in the turn: when a dialog ends, its parent's
/// <see cref="Dialog.ResumeAsync"/> runs at once, and the result that comes back is where the whole stack stands.
/// </summary>
public sealed class DialogContext
{
    /// <summary>Creates a context over <paramref name="state"/>, which it changes in place.</summary>
    public DialogContext(DialogSet dialogs, TurnContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = context;
        State = state;
    }

    /// <summary>The dialogs that can be begun.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The turn: the inbound activity and the queue of replies.</summary>
    public TurnContext Context { get; }

    /// <summary>The inbound activity.</summary>
    public Activity Activity => Context.Activity;

    /// <summary>The state being worked on; the runner saves it after the turn.</summary>
    public DialogState State { get; }

    /// <summary>The stack, bottom first.</summary>
    public IReadOnlyList<DialogInstance> Stack => new ReadOnlyCollection<DialogInstance>(State.Stack);

    /// <summary>The dialog on top of the stack, or null when none is running.</summary>
    public DialogInstance? ActiveDialog => State.Stack.Count == 0 ? null : State.Stack[^1];

    /// <summary>Pushes the dialog <paramref name="dialogId"/> and begins it with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">No dialog has that id.</exception>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = Dialogs.Find(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered in the dialog set.");
        State.Stack.Add(new DialogInstance(dialogId));
        return dialog.BeginAsync(this, Detach(options), cancellationToken);
    }

    /// <summary>Begins the prompt <paramref name="promptId"/> with <paramref name="options"/>, stored as JSON with the prompt's state.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(promptId, options.ToJson(), cancellationToken);
    }

    /// <summary>
    /// Hands the inbound activity to the active dialog. Returns <see cref="DialogTurnResult.Empty"/> when no dialog is
    /// running, so the caller can begin one.
    /// </summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null
            ? Task.FromResult(DialogTurnResult.Empty)
            : FindDialog(active).ContinueAsync(this, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog with <paramref name="result"/> and resumes its parent, which runs its next step in this turn.
    /// With no parent, returns Complete with the result.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        LastEndedId = ActiveDialog?.Id;
        await PopAsync(DialogEndReason.Ended, cancellationToken).ConfigureAwait(false);
        return await ResumeParentAsync(DialogTurnResult.Complete(Detach(result)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the active dialog as cancelled and resumes its parent with a Cancelled result (the parent decides whether to
    /// give up too). With no parent, returns Cancelled.
    /// </summary>
    public async Task<DialogTurnResult> CancelDialogAsync(CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogEndReason.Cancelled, cancellationToken).ConfigureAwait(false);
        return await ResumeParentAsync(DialogTurnResult.Cancelled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on the stack, top first, without resuming any. Returns Cancelled, or Empty when none was running.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count == 0)
        {
            return DialogTurnResult.Empty;
        }

        while (State.Stack.Count > 0)
        {
            await PopAsync(DialogEndReason.Cancelled, cancellationToken).ConfigureAwait(false);
        }

        return DialogTurnResult.Cancelled;
    }

    /// <summary>Swaps the active dialog for <paramref name="dialogId"/> without resuming the parent, as for a loop or a restart.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        options = Detach(options);
        await PopAsync(DialogEndReason.Replaced, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The active dialog (a prompt) hands the turn back to its parent, for <c>back</c>: pops it and lets the parent
    /// ask its previous question. Null, with nothing changed, when there is no parent or it cannot step back.
    /// </summary>
    public async Task<DialogTurnResult?> StepBackAsync(CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count < 2)
        {
            return null;
        }

        var parent = FindDialog(State.Stack[^2]);
        var popped = State.Stack[^1];
        State.Stack.RemoveAt(State.Stack.Count - 1);
        var result = await parent.StepBackAsync(this, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            State.Stack.Add(popped);
            return null;
        }

        await FindDialog(popped).EndAsync(this, popped, DialogEndReason.Replaced, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Whether the active dialog's parent takes <see cref="Activity"/>'s text as the rest of the previous answer
    /// (see <see cref="Dialog.JoinsPreviousAnswer"/>); if so, pops the active dialog and has the parent join it.
    /// </summary>
    internal async Task<DialogTurnResult?> TryJoinPreviousAnswerAsync(string text, CancellationToken cancellationToken)
    {
        if (State.Stack.Count < 2 || Activity.Timestamp is not { } at)
        {
            return null;
        }

        var parent = FindDialog(State.Stack[^2]);
        if (!parent.JoinsPreviousAnswer(State.Stack[^2], at))
        {
            return null;
        }

        await PopAsync(DialogEndReason.Replaced, cancellationToken).ConfigureAwait(false);
        return await parent.JoinPreviousAnswerAsync(this, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the dialog that last ended with a result in this turn, so a parent can tell what kind of question was answered.</summary>
    internal string? LastEndedId { get; private set; }

    /// <summary>Asks the active dialog to re-ask its question; does nothing when none is running.</summary>
    public Task RepromptAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null ? Task.CompletedTask : FindDialog(active).RepromptAsync(this, cancellationToken);
    }

    private async Task PopAsync(DialogEndReason reason, CancellationToken cancellationToken)
    {
        var active = ActiveDialog ?? throw new InvalidOperationException("No dialog is active.");
        State.Stack.RemoveAt(State.Stack.Count - 1);
        await FindDialog(active).EndAsync(this, active, reason, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> ResumeParentAsync(DialogTurnResult childResult, CancellationToken cancellationToken)
    {
        var parent = ActiveDialog;
        return parent is null
            ? Task.FromResult(childResult)
            : FindDialog(parent).ResumeAsync(this, childResult, cancellationToken);
    }

    private Dialog FindDialog(DialogInstance instance) =>
        Dialogs.Find(instance.Id)
        ?? throw new InvalidOperationException($"The dialog '{instance.Id}' on the stack is not registered in the dialog set.");

    // A node can have one parent only: results and options taken from another dialog's state are copied, so the
    // receiving dialog can store them in its own state.
    private static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
