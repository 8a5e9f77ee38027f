using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks the user to pick one of a list and returns the chosen <see cref="PromptChoice.Value"/> as a JSON string.
/// The options are shown as buttons (see <see cref="ChoiceButtons"/>); the user may click one, or type its title, its
/// value, a synonym (any case) or its number. A card's submit data <c>{"choice":"..."}</c> is taken too. An exact word
/// wins over a number, so an option titled "2" is found by "2". Takes <see cref="ChoicePromptOptions"/>.
/// </summary>
public sealed class ChoicePrompt : Prompt<ChoicePromptOptions>
{
    /// <summary>The field of a card's submit data that names a choice.</summary>
    public const string ChoiceField = "choice";

    /// <summary>Creates the prompt.</summary>
    public ChoicePrompt(string id, PromptValidator? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, ChoicePromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var tokens = Tokens(options.Choices);

        var submitted = turn.Activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(ChoiceField, out var field) && field.ValueKind == JsonValueKind.String
            ? field.GetString()
            : null;
        var text = Token(submitted ?? TurnText.Normalize(turn.Activity));

        if (tokens.TryGetValue(text, out var chosen))
        {
            return Accept(chosen);
        }

        if (submitted is null
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Choices.Count)
        {
            return Accept(options.Choices[number - 1]);
        }

        return PromptRecognition.Reject(string.Format(CultureInfo.InvariantCulture, PromptTexts.UnknownChoice, Numbered(options.Choices)));
    }

    /// <summary>A choice's button (its value or label) or its number: what a click or a pick sends, not a synonym.</summary>
    protected override bool IsExactAnswer(TurnContext turn, ChoicePromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var text = Token(TurnText.Normalize(turn.Activity));
        return options.Choices.Any(choice => string.Equals(Token(choice.Value), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Token(choice.Label), text, StringComparison.OrdinalIgnoreCase))
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= options.Choices.Count);
    }

    /// <inheritdoc />
    protected override void CheckOptions(ChoicePromptOptions options)
    {
        base.CheckOptions(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException("A choice prompt needs at least one choice.", nameof(options));
        }

        if (options.Choices.Any(choice => choice is null || string.IsNullOrWhiteSpace(choice.Value)))
        {
            throw new ArgumentException("Every choice needs a value.", nameof(options));
        }

        Tokens(options.Choices);
    }

    /// <inheritdoc />
    protected override void SendPrompt(TurnContext turn, ChoicePromptOptions options, string? reason, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        if (reason is not null)
        {
            turn.SendText(reason);
        }

        var buttons = ChoiceButtons.Card([.. options.Choices.Select(choice => choice.Label)], string.Format(CultureInfo.InvariantCulture, PromptTexts.ChoiceFallback, Numbered(options.Choices)));
        turn.Send(WithAttachment(Question(options, isRetry), buttons));
    }

    private static PromptRecognition Accept(PromptChoice choice) => PromptRecognition.Accept(JsonValue.Create(choice.Value));

    private static string Numbered(IReadOnlyList<PromptChoice> choices) =>
        string.Join(", ", choices.Select((choice, index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {choice.Label}")));

    private static string Token(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!');

    /// <exception cref="ArgumentException">A word belongs to two choices.</exception>
    private static Dictionary<string, PromptChoice> Tokens(IReadOnlyList<PromptChoice> choices)
    {
        var tokens = new Dictionary<string, PromptChoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var choice in choices)
        {
            foreach (var word in new[] { choice.Value, choice.Label }.Concat(choice.Synonyms ?? []))
            {
                var token = Token(word ?? string.Empty);
                if (token.Length == 0)
                {
                    continue;
                }

                if (tokens.TryGetValue(token, out var owner) && !ReferenceEquals(owner, choice))
                {
                    throw new ArgumentException($"\"{token}\" belongs to two choices, \"{owner.Value}\" and \"{choice.Value}\".", nameof(choices));
                }

                tokens[token] = choice;
            }
        }

        return tokens;
    }
}
