using CoachingBot.Care;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Storage;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Chat;

/// <summary>
/// The bot's front door: installs and removals keep the conversation reference and say hello once; messages go to
/// the dialog in progress, with <c>help</c> and <c>cancel</c> honoured at any point, after the care check (Care/).
/// </summary>
public sealed partial class CoachingTurnHandler : IBot
{
    private readonly DialogRunner _runner;
    private readonly IConversationStore _conversations;
    private readonly ActionsCommand _actionsCommand;
    private readonly CareResponder _care;
    private readonly HistoryCommand _historyCommand;
    private readonly ILogger<CoachingTurnHandler> _logger;

    public CoachingTurnHandler(DialogRunner runner, IConversationStore conversations, ActionsCommand actionsCommand, HistoryCommand historyCommand, CareResponder care, ILogger<CoachingTurnHandler> logger)
    {
        _runner = runner;
        _conversations = conversations;
        _actionsCommand = actionsCommand;
        _care = care;
        _historyCommand = historyCommand;
        _logger = logger;
    }

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        return activity.Type switch
        {
            ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
            ActivityTypes.Invoke => OnInvokeAsync(turn),
            _ => Task.CompletedTask,
        };
    }

    private async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(member => member.Id == botId) == true)
        {
            await OnBotAddedAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else if (activity.MembersRemoved?.Any(member => member.Id == botId) == true)
        {
            await RetireAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action switch
        {
            "add" or "add-upgrade" => OnBotAddedAsync(turn, cancellationToken),
            "remove" or "remove-upgrade" => RetireAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };

    private async Task OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Teams sends both conversationUpdate and installationUpdate for one install: welcome only when the
        // conversation is new (or was uninstalled before), so the user hears hello once.
        var activity = turn.Activity;
        var isNew = await _conversations.UpsertAsync(activity.GetConversationReference(), UserTimeZone(activity), cancellationToken).ConfigureAwait(false);
        LogInstalled(activity.Conversation?.ConversationType ?? ConversationTypes.Personal, isNew);
        if (isNew)
        {
            turn.SendText(activity.IsPersonalChat() ? BotMessages.PersonalWelcome(activity.From?.Name) : BotMessages.GroupWelcome);
        }
    }

    private async Task RetireAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await _conversations.RetireAsync(turn.Activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false);
        LogRemoved(turn.Activity.Conversation?.ConversationType ?? ConversationTypes.Personal);
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (await _conversations.FindAsync(activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false) is null)
        {
            // A message can come before any install event we saw (an install before this database existed):
            // keep the reference so proactive messages can reach this conversation.
            await _conversations.UpsertAsync(activity.GetConversationReference(), UserTimeZone(activity), cancellationToken).ConfigureAwait(false);
        }

        var command = activity.Value is null ? Commands.Parse(TurnText.Normalize(activity)) : Command.None;
        await _runner.RunAsync(turn, (dc, ct) => RouteAsync(dc, command, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task RouteAsync(DialogContext dc, Command command, CancellationToken cancellationToken)
    {
        // Before anything else, in or out of a conversation: a message that signals distress is met with care.
        if (await _care.TakeAsync(dc, isCommand: command != Command.None, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var turn = dc.Context;
        var inDialog = dc.ActiveDialog is not null;
        if (CardKind(dc) == CardKinds.ActionList)
        {
            await _actionsCommand.UpdateAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CardKind(dc) == CardKinds.History)
        {
            await _historyCommand.OpenAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (IsStaleCardSubmit(dc))
        {
            // A second click on a card already saved (or one from a conversation that has ended): change nothing.
            turn.SendText(BotMessages.CardAlreadySaved);
            if (inDialog)
            {
                await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (command != Command.Help && SessionOwner(dc) is { } owner && owner.Id != turn.Activity.From?.Id)
        {
            // In a group chat one person answers at a time: say whose answer the conversation is waiting for.
            turn.SendText(BotMessages.WaitingFor(owner.Name));
            return;
        }

        switch (command)
        {
            case Command.Help:
                turn.SendText(BotMessages.Help + (turn.Activity.IsPersonalChat() ? string.Empty : "\n\n" + BotMessages.GroupHelpNote));
                if (inDialog)
                {
                    turn.SendText(BotMessages.ResumeAfterHelp);
                    await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
            case Command.Cancel:
                if (inDialog)
                {
                    var hadSession = SessionOwner(dc) is not null;
                    await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                    turn.SendText(hadSession ? BotMessages.CancelledKeptDraft : BotMessages.Cancelled);
                }
                else
                {
                    turn.SendText(BotMessages.NothingToCancel);
                }

                return;
        }

        if (inDialog)
        {
            await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (command)
        {
            case Command.Start:
                await dc.BeginDialogAsync(ChooseModelDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case Command.Grow:
            case Command.Egan:
            case Command.AliGraham:
                var model = command switch
                {
                    Command.Egan => CoachingModels.Egan,
                    Command.AliGraham => CoachingModels.AliGraham,
                    _ => CoachingModels.Grow,
                };
                await dc.BeginDialogAsync(StartConversationDialog.DialogId, StartConversationDialog.Options(model), cancellationToken).ConfigureAwait(false);
                break;
            case Command.Actions:
                await _actionsCommand.ShowAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            case Command.History:
                await _historyCommand.ShowAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            case Command.Reflect:
                turn.SendText(BotMessages.NotAvailableYet(command));
                break;
            default:
                turn.SendText(BotMessages.NotUnderstood);
                break;
        }
    }

    /// <summary>The client a coaching conversation on the stack belongs to, if one is under way.</summary>
    private static (string Id, string? Name)? SessionOwner(DialogContext dc)
    {
        foreach (var instance in dc.Stack)
        {
            if (dc.Dialogs.Find(instance.Id) is ModelConversationDialog && ModelConversationDialog.Owner(instance) is { Id: { } id } owner)
            {
                return (id, owner.Name);
            }
        }

        return null;
    }

    private static string? CardKind(DialogContext dc) =>
        dc.Activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } value
        && value.TryGetProperty(CardKinds.Field, out var kind) && kind.ValueKind == System.Text.Json.JsonValueKind.String
            ? kind.GetString()
            : null;

    private static bool IsStaleCardSubmit(DialogContext dc) =>
        CardKind(dc) is { } kind && (CardKinds.PromptFor(kind) is not { } promptId || dc.ActiveDialog?.Id != promptId);

    private static Task OnInvokeAsync(TurnContext turn)
    {
        // No card in this version uses Action.Execute; answer so Teams shows a message instead of an error.
        turn.InvokeResponse = turn.Activity.Name == "adaptiveCard/action"
            ? new InvokeResponse
            {
                Status = 200,
                Body = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = BotMessages.CardActionNotAvailable },
            }
            : new InvokeResponse { Status = 501 };
        return Task.CompletedTask;
    }

    private static string? UserTimeZone(Activity activity) =>
        activity.LocalTimezone
        ?? activity.Entities?.Where(entity => entity.Type == ClientInfo.EntityType).Select(entity => entity.As<ClientInfo>()?.Timezone).FirstOrDefault(zone => zone is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot added to a {ConversationType} conversation (new: {IsNew})")]
    private partial void LogInstalled(string conversationType, bool isNew);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot removed from a {ConversationType} conversation")]
    private partial void LogRemoved(string conversationType);
}
