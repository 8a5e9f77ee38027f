namespace CoachingBot.Teams.Dialogs;

/// <summary>Where a dialog stands after handling a call.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active, so nothing handled the activity.</summary>
    Empty,
    /// <summary>The dialog is waiting for the user's next activity.</summary>
    Waiting,
    /// <summary>The dialog ended and returned its result.</summary>
    Complete,
    /// <summary>The dialog was cancelled or gave up (a prompt that reached its maximum attempts).</summary>
    Cancelled,
}
