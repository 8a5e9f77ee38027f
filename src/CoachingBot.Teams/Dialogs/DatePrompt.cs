using System.Globalization;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks for a date and returns it as a JSON string <c>yyyy-MM-dd</c>. Takes <c>yyyy-MM-dd</c>, the short date of the
/// user's locale (<c>5/3/2026</c> for en-GB is 5 March), a day and month without a year (<c>11/12</c>, <c>12 December</c>,
/// <c>Dec 12</c>: the next such date), and words (<c>tomorrow</c>, <c>next Friday</c>, <c>in two weeks</c>,
/// <c>end of the month</c>), forgiving small typos. "Today" is the user's date in their time zone (see
/// <see cref="UserClock"/>), by the injected clock. Takes <see cref="DatePromptOptions"/>.
/// </summary>
public sealed class DatePrompt : Prompt<DatePromptOptions>
{
    private const string IsoPattern = "yyyy-MM-dd";

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the prompt; <paramref name="timeProvider"/> decides what today is.</summary>
    public DatePrompt(string id, TimeProvider timeProvider, PromptValidator? validator = null) : base(id, validator)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Anything it recognises (a date it can read, in words or in the user's locale) answers this question, however soon it follows a typed answer.</summary>
    protected override bool IsExactAnswer(TurnContext turn, DatePromptOptions options) => Recognize(turn, options).Succeeded;

    /// <inheritdoc />
    protected override PromptRecognition Recognize(TurnContext turn, DatePromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        var culture = UserLocale.CultureOf(turn.Activity);
        var today = UserClock.Today(turn.Activity, _timeProvider);
        var text = TurnText.Normalize(turn.Activity).TrimEnd('.', '!');

        if (!TryParse(text, culture, today, out var date))
        {
            // The example is a week ahead, in the user's own short form, so it is never in the past; without a
            // locale only ISO is unambiguous.
            var inAWeek = today.AddDays(7);
            var example = Equals(culture, CultureInfo.InvariantCulture)
                ? inAWeek.ToString(IsoPattern, CultureInfo.InvariantCulture)
                : inAWeek.ToString(culture.DateTimeFormat.ShortDatePattern, culture);

            return PromptRecognition.Reject(string.Format(culture, PromptTexts.NotADate, example));
        }

        if (options.NotBeforeToday && date < today && (options.NotBefore is null || options.NotBefore <= today))
        {
            return PromptRecognition.Reject(string.Format(culture, PromptTexts.DateInPast, today.ToString("D", culture)));
        }

        if (date < options.NotBefore)
        {
            return PromptRecognition.Reject(string.Format(culture, PromptTexts.DateTooEarly, options.NotBefore.Value.ToString("D", culture)));
        }

        return PromptRecognition.Accept(JsonValue.Create(date.ToString(IsoPattern, CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Reads <paramref name="text"/> as an ISO date, the culture's short date with a year, or a date in words or without
    /// a year (<see cref="DateWords"/>).
    /// </summary>
    internal static bool TryParse(string text, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, IsoPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // The invariant culture's short date is month-first; without a locale, only the unambiguous ISO form is taken.
        if (!Equals(culture, CultureInfo.InvariantCulture))
        {
            var pattern = culture.DateTimeFormat.ShortDatePattern;
            var relaxed = pattern.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
            string[] patterns = [pattern, relaxed, relaxed.Replace("yyyy", "yy", StringComparison.Ordinal)];
            if (DateOnly.TryParseExact(text, patterns, culture, DateTimeStyles.AllowWhiteSpaces, out date))
            {
                return true;
            }
        }

        return DateWords.TryParse(text, culture, today, out date);
    }
}
