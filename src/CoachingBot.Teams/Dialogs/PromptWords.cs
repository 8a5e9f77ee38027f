namespace CoachingBot.Teams.Dialogs;

/// <summary>Words every prompt understands, whatever it asks (see <see cref="PromptOptions.AllowBack"/> and <see cref="PromptOptions.AllowSkip"/>).</summary>
public static class PromptWords
{
    /// <summary>Returns to the previous question, showing the answer given.</summary>
    public const string Back = "back";

    /// <summary>Leaves out a question that allows it; the prompt ends with a null result.</summary>
    public const string Skip = "skip";
}
