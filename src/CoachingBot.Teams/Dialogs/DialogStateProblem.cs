namespace CoachingBot.Teams.Dialogs;

/// <summary>Why stored dialog state could not be used. Names a category only, so it can be logged without content.</summary>
public enum DialogStateProblem
{
    /// <summary>The state is usable.</summary>
    None,
    /// <summary>Not JSON, or not the shape of a dialog state.</summary>
    Unparseable,
    /// <summary>Written by a format version this code does not read.</summary>
    UnsupportedVersion,
    /// <summary>Names a dialog id that is not in the <see cref="DialogSet"/>.</summary>
    UnknownDialog,
    /// <summary>A dialog's own state is one it cannot go on from, such as a waterfall step beyond its last.</summary>
    InvalidDialogState,
}
