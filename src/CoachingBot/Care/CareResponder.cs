using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Care;

/// <summary>
/// Runs before a message is routed: a message that signals distress is met with care instead of the next coaching
/// question, and the conversation in progress is paused where it was, to be taken up by the person's next message.
/// </summary>
public sealed partial class CareResponder
{
    private readonly CareDetector _detector;
    private readonly CareReply _reply;
    private readonly ILogger<CareResponder> _logger;

    internal CareResponder(CareDetector detector, CareReply reply, ILogger<CareResponder> logger)
    {
        _detector = detector;
        _reply = reply;
        _logger = logger;
    }

    /// <summary>
    /// True when this turn was answered here (care offered, or a paused conversation taken up again) and must not be
    /// routed. <paramref name="isCommand"/>: the message is a command (help, cancel), which a paused conversation
    /// lets through.
    /// </summary>
    public async Task<bool> TakeAsync(DialogContext dc, bool isCommand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var paused = CarePauseDialog.IsOn(dc);
        if (_detector.Signals(TurnText.Normalize(dc.Activity)))
        {
            var inConversation = dc.ActiveDialog is not null;

            // Only that care was offered: nothing of the message, nor who sent it.
            LogCareOffered(inConversation);
            dc.Context.SendText(_reply.Compose(UserLocale.CultureOf(dc.Activity), inConversation));
            if (inConversation && !paused)
            {
                await dc.BeginDialogAsync(CarePauseDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        if (!paused)
        {
            return false;
        }

        CarePauseDialog.Lift(dc);
        if (isCommand || dc.Activity.Value is not null || dc.ActiveDialog is null)
        {
            // A command, or a card's submit (an answer only that card could give): route it as usual.
            return false;
        }

        // Whatever they typed on coming back ("thanks", "ok, I'm back") is not taken as the answer to the question.
        dc.Context.SendText(CareReply.Text(nameof(CareTexts.Resume), UserLocale.CultureOf(dc.Activity)));
        await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Care offered instead of coaching (a conversation was in progress: {InConversation})")]
    private partial void LogCareOffered(bool inConversation);
}
