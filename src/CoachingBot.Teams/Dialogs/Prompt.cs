using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// A dialog that asks one question and ends with the answer as JSON. An answer it cannot take is met with the reason
/// and the question again; after <see cref="PromptOptions.MaxAttempts"/> such answers it ends Cancelled.
/// Activities other than messages (typing, reactions) leave it waiting.
/// </summary>
/// <typeparam name="TOptions">The options record the prompt reads.</typeparam>
public abstract class Prompt<TOptions> : Dialog where TOptions : PromptOptions, new()
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    private readonly PromptValidator? _validator;

    /// <summary>Creates the prompt with an optional extra check on answers.</summary>
    protected Prompt(string id, PromptValidator? validator) : base(id) => _validator = validator;

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options is null ? new TOptions() : ReadOptions(options);
        CheckOptions(promptOptions);
        var state = Instance(dc).State;
        state[OptionsKey] = promptOptions.ToJson();
        state[AttemptsKey] = 0;
        SendPrompt(dc.Context, promptOptions, reason: null, isRetry: false);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var state = Instance(dc).State;
        var options = ReadOptions(state[OptionsKey]);
        if (await TypedWordAsync(dc, options, cancellationToken).ConfigureAwait(false) is { } handled)
        {
            return handled;
        }

        var attempts = state[AttemptsKey]!.GetValue<int>() + 1;

        var recognition = Recognize(dc.Context, options);
        var reason = recognition.Reason;
        if (recognition.Succeeded && _validator is not null)
        {
            reason = await _validator(new PromptValidatorContext(dc.Context, recognition.Value, options, attempts), cancellationToken)
                .ConfigureAwait(false);
            if (reason is not null && string.IsNullOrWhiteSpace(reason))
            {
                // A validator that refuses without saying why must not make the bot send an empty message.
                reason = PromptTexts.NotAccepted;
            }
        }

        if (reason is null)
        {
            return await dc.EndDialogAsync(recognition.Value, cancellationToken).ConfigureAwait(false);
        }

        state[AttemptsKey] = attempts;
        if (options.MaxAttempts is { } maxAttempts && attempts >= maxAttempts)
        {
            return await dc.CancelDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        SendPrompt(dc.Context, options, reason, isRetry: true);
        return DialogTurnResult.Waiting;
    }

    /// <summary>
    /// The words every prompt understands before its own recognition: <c>back</c>, <c>skip</c> (where allowed), and text
    /// that continues the previous answer. The rule for joining: a text message that arrives within the parent's join
    /// window (see <see cref="WaterfallDialog.JoinWindow"/>) of the message that answered the previous free-text question
    /// is the rest of that answer, sent in two parts as people do in chat; it is added to it, and this question asked
    /// again. Later text, and text at the first question, is this question's answer as usual.
    /// </summary>
    private async Task<DialogTurnResult?> TypedWordAsync(DialogContext dc, TOptions options, CancellationToken cancellationToken)
    {
        if (dc.Activity.Value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) })
        {
            return null;
        }

        var word = TurnText.Normalize(dc.Activity).TrimEnd('.', '!');
        if (options.AllowBack && string.Equals(word, PromptWords.Back, StringComparison.OrdinalIgnoreCase))
        {
            if (await dc.StepBackAsync(cancellationToken).ConfigureAwait(false) is { } back)
            {
                return back;
            }

            dc.Context.SendText(PromptTexts.NothingToGoBackTo);
            SendPrompt(dc.Context, options, reason: null, isRetry: false);
            return DialogTurnResult.Waiting;
        }

        if (options.AllowSkip && string.Equals(word, PromptWords.Skip, StringComparison.OrdinalIgnoreCase))
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // A button clicked seconds after a typed answer arrives as text too: it answers this question, not the one before.
        var text = TurnText.Normalize(dc.Activity, keepLineBreaks: true);
        return text.Length == 0 || IsExactAnswer(dc.Context, options) ? null
            : await dc.TryJoinPreviousAnswerAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the message is unmistakably this prompt's answer (a button's own words), so that it is never joined to
    /// the previous answer however soon it follows it. None by default: free text may always be the rest of a thought.
    /// </summary>
    protected virtual bool IsExactAnswer(TurnContext turn, TOptions options) => false;

    /// <inheritdoc />
    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        SendPrompt(dc.Context, ReadOptions(Instance(dc).State[OptionsKey]), reason: null, isRetry: false);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override bool IsValidState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state[AttemptsKey] is not JsonValue attemptsValue || !attemptsValue.TryGetValue<int>(out var attempts) || attempts < 0)
        {
            return false;
        }

        try
        {
            CheckOptions(ReadOptions(state[OptionsKey]));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Understands the inbound activity as an answer, or says why it cannot.</summary>
    protected abstract PromptRecognition Recognize(TurnContext turn, TOptions options);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> cannot work, such as a minimum above the maximum.</summary>
    protected virtual void CheckOptions(TOptions options) => ArgumentNullException.ThrowIfNull(options);

    /// <summary>
    /// Queues the question: the reason first when there is one, then the retry prompt (on a retry) or the prompt.
    /// Override to add buttons or to send a card.
    /// </summary>
    protected virtual void SendPrompt(TurnContext turn, TOptions options, string? reason, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        if (reason is not null)
        {
            turn.SendText(reason);
        }

        if (Question(options, isRetry) is { } question)
        {
            turn.Send(question);
        }
    }

    /// <summary>
    /// A copy of the message to ask with: on a retry <see cref="PromptOptions.RetryPrompt"/> when set, else
    /// <see cref="PromptOptions.Prompt"/>; null when there is none. A copy, since sending fills in addressing.
    /// </summary>
    protected static Activity? Question(TOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        var question = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        return question is null ? null : BotJson.Deserialize<Activity>(BotJson.Serialize(question));
    }

    /// <summary><paramref name="question"/> with <paramref name="attachment"/> added after its own, or a message of the attachment alone.</summary>
    protected static Activity WithAttachment(Activity? question, Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        question ??= new Activity { Type = ActivityTypes.Message };
        question.Attachments = [.. question.Attachments ?? [], attachment];
        return question;
    }

    private static TOptions ReadOptions(JsonNode? options) =>
        options?.Deserialize<TOptions>(BotJson.Options)
        ?? throw new JsonException("The prompt options are missing.");

    private static DialogInstance Instance(DialogContext dc) =>
        dc.ActiveDialog ?? throw new InvalidOperationException("The prompt is not on the dialog stack.");
}
