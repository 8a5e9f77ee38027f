using CoachingBot.Models;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Sessions;

/// <summary>
/// <c>history</c>: the sender's past conversations on a card, and a press on one of them, which shows that
/// conversation's summary card again. Handled without a dialog, so the card works whenever it is pressed. The owner is
/// always the sender; a conversation id in the card's data that is not theirs is answered as not found. Only in the
/// personal chat: in a group chat everyone would read the summaries.
/// </summary>
public sealed class HistoryCommand
{
    public const string NoConversations = "You have no coaching conversations yet. Type **grow**, **egan** or **aligraham** to start one.";
    public const string NotFound = "I can't find that conversation. Type **history** for a fresh list.";
    public const string PersonalChatOnly = "Your past conversations are private, so I show them only in your personal chat with me. Type **history** there.";

    private readonly ICoachingConversationStore _conversations;
    private readonly IActionStore _actions;

    public HistoryCommand(ICoachingConversationStore conversations, IActionStore actions)
    {
        _conversations = conversations;
        _actions = actions;
    }

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Activity.IsPersonalChat())
        {
            turn.SendText(PersonalChatOnly);
            return;
        }

        var mine = await _conversations.ListAsync(turn.Activity.From!.Id!, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            turn.SendText(NoConversations);
            return;
        }

        turn.Send(MessageFactory.Attachment(HistoryCard.Build(mine).ToAttachment(), $"You have {mine.Count} coaching conversation{(mine.Count == 1 ? string.Empty : "s")}."));
    }

    public async Task OpenAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Activity.IsPersonalChat())
        {
            // Everyone in a group chat would see the summary: what the client wrote is for them alone.
            turn.SendText(PersonalChatOnly);
            return;
        }

        var conversation = HistoryCard.Read(turn.Activity.Value!.Value) is { } id
            ? await _conversations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        if (conversation is null || conversation.OwnerUserId != turn.Activity.From?.Id || CoachingModels.Find(conversation.ModelId) is not { } model)
        {
            turn.SendText(NotFound);
            return;
        }

        var actions = await _actions.ListForConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        turn.Send(MessageFactory.Attachment(SummaryCard.Build(model, conversation, actions).ToAttachment()));
    }
}
