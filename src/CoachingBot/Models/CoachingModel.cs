namespace CoachingBot.Models;

/// <summary>
/// A process model as data: an ordered list of stages. One generic conversation runs any model, inside the
/// conversation frame (beginning, middle, ending), so a new model is a new definition, not new code.
/// </summary>
/// <param name="Id">Stable id, stored with conversations.</param>
/// <param name="Command">What the user types to start it.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Source">Whose model it is, as cited in the course text.</param>
/// <param name="Emphasis">What the model puts weight on, to help choose between models.</param>
/// <param name="Stages">The middle of the conversation, in order.</param>
public sealed record CoachingModel(string Id, string Command, string Name, string Source, string Emphasis, IReadOnlyList<Stage> Stages)
{
    /// <summary>The stage that captures <paramref name="kind"/>, if the model has one.</summary>
    public Stage? StageCapturing(CaptureKind kind) => Stages.FirstOrDefault(stage => stage.Captures == kind);
}
