using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Care;

/// <summary>
/// A marker on top of the dialog stack while a conversation is paused for care. It holds the question beneath it
/// untouched, and tells <see cref="CareResponder"/> that the next message is someone coming back, not an answer.
/// </summary>
internal sealed class CarePauseDialog() : Dialog(DialogId)
{
    public const string DialogId = "care.pause";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken) =>
        Task.FromResult(DialogTurnResult.Waiting);

    // The responder lifts the pause before anything else sees the turn; should a turn reach it, keep waiting.
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult(DialogTurnResult.Waiting);

    public static bool IsOn(DialogContext dc) => dc.ActiveDialog?.Id == DialogId;

    /// <summary>
    /// Takes the pause off the stack without ending it through the context: ending it would resume the question
    /// beneath with an empty answer, when that question is still waiting for one.
    /// </summary>
    public static void Lift(DialogContext dc)
    {
        if (IsOn(dc))
        {
            dc.State.Stack.RemoveAt(dc.State.Stack.Count - 1);
        }
    }
}
