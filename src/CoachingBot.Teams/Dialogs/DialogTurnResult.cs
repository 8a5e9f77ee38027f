using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Dialogs;

/// <summary>What a dialog call came to: still waiting, complete with a result, or cancelled.</summary>
/// <param name="Status">Where the dialog stands.</param>
/// <param name="Result">The value a dialog ended with; only set when <paramref name="Status"/> is Complete.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    /// <summary>The dialog waits for the user's next activity.</summary>
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    /// <summary>No dialog was active.</summary>
    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    /// <summary>The dialog was cancelled or gave up.</summary>
    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);

    /// <summary>The dialog ended with <paramref name="result"/>.</summary>
    public static DialogTurnResult Complete(JsonNode? result) => new(DialogTurnStatus.Complete, result);
}
