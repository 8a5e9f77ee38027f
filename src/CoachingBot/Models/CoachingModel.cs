namespace CoachingBot.Models;

/// <summary>
/// A process model as data: an ordered list of stages. One generic conversation runs any model, inside the
/// conversation frame (beginning, middle, ending), so a new model is a new definition, not new code.
/// </summary>
/// <param name="Id">Stable id, stored with conversations.</param>
/// <param name="Command">What the user types to start it.</param>
/// <param name="Name">The model's name as its author gives it.</param>
/// <param name="ShortName">The name as it reads before "conversation" ("a **Skilled Helper** conversation").</param>
/// <param name="Source">Whose model it is, as cited in the course text (for the README and help, not the chat).</param>
/// <param name="Emphasis">What the model puts weight on, to help choose between models.</param>
/// <param name="Stages">The middle of the conversation, in order.</param>
public sealed record CoachingModel(string Id, string Command, string Name, string ShortName, string Source, string Emphasis, IReadOnlyList<Stage> Stages)
{
    /// <summary>The stage that captures <paramref name="kind"/>, if the model has one.</summary>
    public Stage? StageCapturing(CaptureKind kind) => Stages.FirstOrDefault(stage => stage.Captures == kind);

    /// <summary>"a GROW conversation", "an Ali and Graham conversation": the article goes with the sound of the short name.</summary>
    public string AConversation => $"{(IsVowelSound(ShortName) ? "an" : "a")} **{ShortName}** conversation";

    // Good enough for the names we have; a name like "User-led" would need an article of its own in the definition.
    private static bool IsVowelSound(string name) =>
        name.Length > 0 && "AEIO".Contains(char.ToUpperInvariant(name[0]), StringComparison.Ordinal);
}
