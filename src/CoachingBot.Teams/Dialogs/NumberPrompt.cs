using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks for a number, read in the user's culture (the activity's locale) and, failing that, the invariant culture.
/// Thousands separators count only where they group digits in threes, so "1.5" from a German user is 1.5, not 15.
/// Returns a JSON integer (<see cref="NumberKind.WholeNumber"/>) or number. Takes <see cref="NumberPromptOptions"/>.
/// </summary>
public sealed class NumberPrompt : Prompt<NumberPromptOptions>
{
    private const NumberStyles PlainNumber =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private readonly NumberKind _kind;

    /// <summary>Creates the prompt for whole numbers (<see cref="NumberKind.WholeNumber"/>) or decimals.</summary>
    public NumberPrompt(string id, NumberKind kind = NumberKind.WholeNumber, PromptValidator? validator = null) : base(id, validator)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        _kind = kind;
    }

    /// <summary>Anything it recognises (a number in range) answers this question, however soon it follows a typed answer.</summary>
    protected override bool IsExactAnswer(TurnContext turn, NumberPromptOptions options) => Recognize(turn, options).Succeeded;

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, NumberPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var culture = UserLocale.CultureOf(turn.Activity);
        var text = TurnText.Normalize(turn.Activity);
        if (!TryParse(text, culture, out var value))
        {
            return Reject(_kind == NumberKind.WholeNumber ? PromptTexts.NotAWholeNumber : PromptTexts.NotANumber, culture, Example(culture));
        }

        if (_kind == NumberKind.WholeNumber && (value != decimal.Truncate(value) || value is < long.MinValue or > long.MaxValue))
        {
            return Reject(PromptTexts.NotAWholeNumber, culture, Example(culture));
        }

        var (min, max) = (options.Min, options.Max);
        if (value < min || value > max)
        {
            return (min, max) switch
            {
                ({ } low, { } high) => Reject(PromptTexts.NumberBetween, culture, low, high),
                ({ } low, null) => Reject(PromptTexts.NumberAtLeast, culture, low),
                (null, { } high) => Reject(PromptTexts.NumberAtMost, culture, high),
                _ => throw new InvalidOperationException("Out of range with no bound."),
            };
        }

        return PromptRecognition.Accept(_kind == NumberKind.WholeNumber
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value));
    }

    /// <inheritdoc />
    protected override void CheckOptions(NumberPromptOptions options)
    {
        base.CheckOptions(options);
        if (options.Min > options.Max)
        {
            throw new ArgumentException("Min is above Max.", nameof(options));
        }
    }

    /// <summary>Reads <paramref name="text"/> as a number in <paramref name="culture"/>, then in the invariant culture.</summary>
    internal static bool TryParse(string text, CultureInfo culture, out decimal value)
    {
        if (decimal.TryParse(text, PlainNumber, culture, out value))
        {
            return true;
        }

        if (TryParseGrouped(text, culture.NumberFormat, out value))
        {
            return true;
        }

        return decimal.TryParse(text, PlainNumber, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseGrouped(string text, NumberFormatInfo format, out decimal value)
    {
        value = 0;
        var group = format.NumberGroupSeparator;
        if (group.Length == 0)
        {
            return false;
        }

        // Cultures that group with a (narrow) no-break space are typed with a plain space.
        var groupPattern = string.IsNullOrWhiteSpace(group) || group is "\u00A0" or "\u202F"
            ? @"[\s\u00A0\u202F]"
            : Regex.Escape(group);
        var pattern = $@"^[+-]?\d{{1,3}}(?:{groupPattern}\d{{3}})+(?:{Regex.Escape(format.NumberDecimalSeparator)}\d+)?$";
        if (!Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return false;
        }

        var ungrouped = Regex.Replace(text, groupPattern, string.Empty, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return decimal.TryParse(ungrouped, PlainNumber, format, out value);
    }

    private string Example(CultureInfo culture) =>
        _kind == NumberKind.WholeNumber ? "3" : 2.5m.ToString(culture);

    private static PromptRecognition Reject<T>(System.Text.CompositeFormat format, CultureInfo culture, T arg) =>
        PromptRecognition.Reject(string.Format(culture, format, arg));

    private static PromptRecognition Reject<T1, T2>(System.Text.CompositeFormat format, CultureInfo culture, T1 arg1, T2 arg2) =>
        PromptRecognition.Reject(string.Format(culture, format, arg1, arg2));
}
