using System.Text.Json;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Sends a form card and waits for its submit, read from <c>Activity.Value</c> (never the text). Typed text instead of
/// a submit is met with "Please use the card's button to send your answers." and the card again, unless
/// <see cref="ReadTyped"/> takes it as the answer or as values for the card. Submit data is parsed
/// and checked by the validate function; field errors re-send the card filled in as the user left it, with each
/// error under its input (<see cref="CardForm.WithValuesAndErrors(AdaptiveCard, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, string})"/>).
/// A valid answer ends the prompt with the value as JSON (<see cref="BotJson.Options"/>; read it back with
/// <see cref="WaterfallStepContext.ResultAs{T}"/>). The builder and validate functions must be pure: they run again to
/// re-show a card. Takes <see cref="CardFormPromptOptions"/>.
/// </summary>
/// <typeparam name="T">The parsed answer.</typeparam>
public sealed class CardFormPrompt<T> : Prompt<CardFormPromptOptions>
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    private readonly Func<CardFormView, AdaptiveCard> _buildCard;
    private readonly Func<JsonElement, TurnContext, PromptValidation<T>> _validate;

    /// <summary>Creates the prompt from a card builder and a function that parses and validates the submit data.</summary>
    public CardFormPrompt(string id, Func<CardFormView, AdaptiveCard> buildCard, Func<JsonElement, PromptValidation<T>> validate, PromptValidator? validator = null)
        : this(id, buildCard, Wrap(validate), validator)
    {
    }

    /// <summary>
    /// Creates the prompt with a validate function that also sees the turn, for rules that depend on the user,
    /// such as a date not in the past by their <see cref="UserClock.Today"/>.
    /// </summary>
    public CardFormPrompt(string id, Func<CardFormView, AdaptiveCard> buildCard, Func<JsonElement, TurnContext, PromptValidation<T>> validate, PromptValidator? validator = null)
        : base(id, validator)
    {
        ArgumentNullException.ThrowIfNull(buildCard);
        ArgumentNullException.ThrowIfNull(validate);
        _buildCard = buildCard;
        _validate = validate;
    }

    /// <summary>
    /// Reads text typed instead of a submit (the bot's mention removed, line breaks kept): the answer, or values for
    /// the card. Null (the default) asks for the card. Must be pure, like the validate function: it runs again to re-show the card.
    /// </summary>
    public Func<string, TurnContext, CardFormPromptOptions, TypedCardReading<T>>? ReadTyped { get; init; }

    /// <summary>
    /// Whether typed text is plainly this card's answer rather than the rest of the previous answer (for example a
    /// list of two or more items where the card asks for a list). Null (the default) claims nothing.
    /// </summary>
    public Func<string, bool>? ClaimsTyped { get; init; }

    /// <inheritdoc />
    protected override bool IsExactAnswer(TurnContext turn, CardFormPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return ClaimsTyped is not null && Submitted(turn) is null
            && TurnText.Normalize(turn.Activity, keepLineBreaks: true) is { Length: > 0 } text && ClaimsTyped(text);
    }

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, CardFormPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Submitted(turn) is not { } value)
        {
            if (Typed(turn, options) is { } typed)
            {
                return typed.Accepted
                    ? PromptRecognition.Accept(JsonSerializer.SerializeToNode(typed.Value, BotJson.Options))
                    : PromptRecognition.Reject(typed.Reason ?? PromptTexts.UseTheCard);
            }

            return PromptRecognition.Reject(PromptTexts.UseTheCard);
        }

        var validation = _validate(value, turn);
        return validation.IsValid
            ? PromptRecognition.Accept(JsonSerializer.SerializeToNode(validation.Value, BotJson.Options))
            : PromptRecognition.Reject(PromptTexts.FixTheCard);
    }

    /// <inheritdoc />
    protected override void SendPrompt(TurnContext turn, CardFormPromptOptions options, string? reason, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var values = new Dictionary<string, string>(options.Values ?? None, StringComparer.Ordinal);
        var errors = None;
        if (isRetry && Submitted(turn) is { } value)
        {
            foreach (var (id, text) in FormReader.From(value).Raw)
            {
                values[id] = text;
            }

            var validation = _validate(value, turn);
            errors = validation.IsValid ? None : validation.Errors;
        }
        else if (isRetry && Typed(turn, options)?.Fill is { } fill)
        {
            foreach (var (id, text) in fill)
            {
                values[id] = text;
            }
        }

        var card = CardForm.WithValuesAndErrors(_buildCard(new CardFormView(values, errors, options)), values, errors);
        if (reason is not null)
        {
            turn.SendText(reason);
        }

        turn.Send(WithAttachment(Question(options, isRetry), card.ToAttachment()));
    }

    private TypedCardReading<T>? Typed(TurnContext turn, CardFormPromptOptions options) =>
        ReadTyped is not null && TurnText.Normalize(turn.Activity, keepLineBreaks: true) is { Length: > 0 } text
            ? ReadTyped(text, turn, options)
            : null;

    private static JsonElement? Submitted(TurnContext turn) =>
        turn.Activity.Value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } value ? value : null;

    private static Func<JsonElement, TurnContext, PromptValidation<T>> Wrap(Func<JsonElement, PromptValidation<T>> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return (value, _) => validate(value);
    }
}
