namespace CoachingBot.Teams.Dialogs;

/// <summary>Why a dialog left the stack, as told to <see cref="Dialog.EndAsync"/>.</summary>
public enum DialogEndReason
{
    /// <summary>It ended itself with a result.</summary>
    Ended,
    /// <summary>It was cancelled: by <see cref="DialogContext.CancelAllDialogsAsync"/>, or it gave up.</summary>
    Cancelled,
    /// <summary>It was replaced by <see cref="DialogContext.ReplaceDialogAsync"/>.</summary>
    Replaced,
}
