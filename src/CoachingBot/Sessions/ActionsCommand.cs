using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Sessions;

/// <summary>
/// <c>actions</c>: the sender's open actions on a card, and the card's submit, handled without a dialog so the
/// card works whenever it is pressed. The owner is always the sender, never anything in the card's data.
/// </summary>
public sealed class ActionsCommand
{
    public static string NoOpenActions => SessionReplies.NoOpenActions;

    private readonly IActionStore _actions;

    public ActionsCommand(IActionStore actions) => _actions = actions;

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var open = await _actions.ListOpenAsync(turn.Activity.From!.Id!, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            turn.SendText(NoOpenActions);
            return;
        }

        turn.Send(MessageFactory.Attachment(ActionListCard.Build(open).ToAttachment(), open.Count == 1 ? SessionReplies.OpenActionsOne : TextFormat.Format(SessionReplies.OpenActions, open.Count)));
    }

    public async Task UpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var read = ActionListCard.Read(turn.Activity.Value!.Value);
        if (!read.IsValid)
        {
            turn.SendText(string.Join(" ", read.Errors.Values.Distinct()));
            return;
        }

        var owner = turn.Activity.From!.Id!;
        var updated = 0;
        foreach (var (id, status) in read.Value!)
        {
            if (await _actions.SetStatusAsync(id, owner, status, cancellationToken).ConfigureAwait(false))
            {
                updated++;
            }
        }

        turn.SendText(updated != read.Value!.Count ? TextFormat.Format(SessionReplies.ActionsSavedSome, updated, read.Value!.Count)
            : updated == 1 ? SessionReplies.ActionsSavedOne
            : TextFormat.Format(SessionReplies.ActionsSaved, updated));
        var open = await _actions.ListOpenAsync(owner, cancellationToken).ConfigureAwait(false);
        if (turn.Activity.ReplyToId is { Length: > 0 } cardId)
        {
            turn.Update(cardId, open.Count == 0
                ? MessageFactory.Text(NoOpenActions)
                : MessageFactory.Attachment(ActionListCard.Build(open).ToAttachment()));
        }
    }
}
