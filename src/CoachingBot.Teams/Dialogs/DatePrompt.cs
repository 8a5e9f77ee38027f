using System.Globalization;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Asks for a date and returns it as a JSON string <c>yyyy-MM-dd</c>. Takes <c>yyyy-MM-dd</c>, <c>today</c>,
/// <c>tomorrow</c>, and the short date of the user's locale (<c>5/3/2026</c> for en-GB is 5 March). "Today" is the
/// user's date in their time zone (see <see cref="UserClock"/>), by the injected clock. Takes <see cref="DatePromptOptions"/>.
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
            var example = today.ToString(IsoPattern, CultureInfo.InvariantCulture);
            if (!Equals(culture, CultureInfo.InvariantCulture))
            {
                example += " or " + today.ToString(culture.DateTimeFormat.ShortDatePattern, culture);
            }

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

    /// <summary>Reads <paramref name="text"/> as today, tomorrow, an ISO date, or the culture's short date.</summary>
    internal static bool TryParse(string text, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        if (text.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            date = today;
            return true;
        }

        if (text.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
        {
            date = today.AddDays(1);
            return true;
        }

        if (DateOnly.TryParseExact(text, IsoPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // The invariant culture's short date is month-first; without a locale, only the unambiguous ISO form is taken.
        if (Equals(culture, CultureInfo.InvariantCulture))
        {
            return false;
        }

        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var relaxed = pattern.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
        string[] patterns = [pattern, relaxed, relaxed.Replace("yyyy", "yy", StringComparison.Ordinal)];
        return DateOnly.TryParseExact(text, patterns, culture, DateTimeStyles.AllowWhiteSpaces, out date);
    }
}
