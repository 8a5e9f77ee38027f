namespace CoachingBot.Models;

/// <summary>
/// A process model as data: an ordered list of stages. One generic conversation runs any model, inside the
/// conversation frame (beginning, middle, ending), so a new model is a new definition, not new code. The texts are
/// named, not written, here: each key is an entry in ModelTexts.resx, read by the properties of the same name.
/// </summary>
/// <param name="Id">Stable id, stored with conversations.</param>
/// <param name="Command">What the user types to start it.</param>
/// <param name="NameKey">The model's name as its author gives it.</param>
/// <param name="ShortNameKey">The name as it reads before "conversation" ("your **Skilled Helper** conversation").</param>
/// <param name="AConversationKey">
/// The short name with its article ("a **GROW** conversation", "an **Ali and Graham** conversation"): the article goes
/// with the sound of the name, which only the wording knows, so it is written out for each model.
/// </param>
/// <param name="SourceKey">Whose model it is, as cited in the course text (for the README and help, not the chat).</param>
/// <param name="EmphasisKey">What the model puts weight on, to help choose between models.</param>
/// <param name="Stages">The middle of the conversation, in order.</param>
public sealed record CoachingModel(
    string Id,
    string Command,
    string NameKey,
    string ShortNameKey,
    string AConversationKey,
    string SourceKey,
    string EmphasisKey,
    IReadOnlyList<Stage> Stages)
{
    public string Name => Wording.Of(NameKey);

    public string ShortName => Wording.Of(ShortNameKey);

    public string AConversation => Wording.Of(AConversationKey);

    public string Source => Wording.Of(SourceKey);

    public string Emphasis => Wording.Of(EmphasisKey);

    /// <summary>Every text name the model and its stages hold, for the check that each is in the resources.</summary>
    public IEnumerable<string> TextKeys =>
        [NameKey, ShortNameKey, AConversationKey, SourceKey, EmphasisKey, .. Stages.SelectMany(stage => stage.TextKeys)];

    /// <summary>The stage that captures <paramref name="kind"/>, if the model has one.</summary>
    public Stage? StageCapturing(CaptureKind kind) => Stages.FirstOrDefault(stage => stage.Captures == kind);
}
