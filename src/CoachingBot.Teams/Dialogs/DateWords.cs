using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Reads a date as people type it, relative to their today: "tomorrow", "Friday", "next Friday", "in two weeks",
/// "end of the month", "end of next week", "12 December", "Dec 12", "11/12" (day and month in the order of their
/// locale), with small typos ("tomorow", "nxt friday", "Decmber"). The words are English; month and day names are
/// also taken in the user's language. A day and month without a year is the next such date from today, today
/// included. Weeks start on the locale's first day of the week; "the end of the week" is its Friday.
/// </summary>
internal static partial class DateWords
{
    private static readonly ConcurrentDictionary<string, Vocabulary> Vocabularies = new(StringComparer.Ordinal);

    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] EnglishDays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Reads <paramref name="text"/> as a date in words or without a year; false when it is not one.</summary>
    public static bool TryParse(string text, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        date = default;
        var lowered = ACouple().Replace(text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant(), "two");
        if (lowered.Length is 0 or > 60)
        {
            return false;
        }

        if (DayAndMonth().Match(lowered) is { Success: true } numeric)
        {
            return TryDayAndMonth(numeric, culture, today, out date);
        }

        var words = new List<Word>();
        var vocabulary = VocabularyFor(culture);
        foreach (var token in Tokens().Matches(lowered).Select(match => match.Value))
        {
            if (!TryRead(token, vocabulary, out var word))
            {
                return false;
            }

            if (word.Kind != Kind.Filler)
            {
                words.Add(word);
            }
        }

        return TryPhrase(words, culture, today, out date);
    }

    private static bool TryPhrase(List<Word> words, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        date = default;
        var firstDay = culture.DateTimeFormat.FirstDayOfWeek;
        var kinds = words.Select(word => word.Kind).ToArray();
        DateOnly? result = kinds switch
        {
            [Kind.Today] => today,
            [Kind.Tomorrow] => today.AddDays(1),
            [Kind.Yesterday] => today.AddDays(-1),
            [Kind.DayUnit, Kind.After, Kind.Tomorrow] => today.AddDays(2),
            [Kind.Weekday] => Coming(today, words[0].DayOfWeek, includeToday: false),
            [Kind.This, Kind.Weekday] => Coming(today, words[1].DayOfWeek, includeToday: true),
            [Kind.Next, Kind.Weekday] => InNextWeek(today, words[1].DayOfWeek, firstDay),
            [Kind.Weekday, Kind.Next, Kind.WeekUnit] => InNextWeek(today, words[0].DayOfWeek, firstDay),
            [Kind.In, Kind.Number, _] => After(today, words[1].Value, kinds[2]),
            [Kind.Number, _] when kinds[1] is Kind.DayUnit or Kind.WeekUnit or Kind.MonthUnit or Kind.Fortnight => After(today, words[0].Value, kinds[1]),
            [Kind.In, Kind.Fortnight] => today.AddDays(14),
            [Kind.End, Kind.MonthUnit] or [Kind.End, Kind.This, Kind.MonthUnit] => EndOfMonth(today),
            [Kind.End, Kind.Next, Kind.MonthUnit] => EndOfMonth(today.AddMonths(1)),
            [Kind.End, Kind.WeekUnit] or [Kind.End, Kind.This, Kind.WeekUnit] => Coming(today, DayOfWeek.Friday, includeToday: true),
            [Kind.End, Kind.Next, Kind.WeekUnit] => InNextWeek(today, DayOfWeek.Friday, firstDay),
            _ => null,
        };

        if (result is { } found)
        {
            date = found;
            return true;
        }

        // A calendar date: an optional day name, then "12 December" or "December 12", then an optional year.
        var rest = kinds.Length > 0 && kinds[0] == Kind.Weekday ? words.Skip(1).ToList() : words;
        int day, month;
        int? year = null;
        switch (rest.Select(word => word.Kind).ToArray())
        {
            case [Kind.Number, Kind.Month, ..] tail when tail.Length <= 3:
                (day, month) = (rest[0].Value, rest[1].Value);
                break;
            case [Kind.Month, Kind.Number, ..] tail when tail.Length <= 3:
                (day, month) = (rest[1].Value, rest[0].Value);
                break;
            default:
                return false;
        }

        if (rest.Count == 3)
        {
            if (rest[2].Kind != Kind.Number || rest[2].Value < 1000)
            {
                return false;
            }

            year = rest[2].Value;
        }

        return TryCalendarDate(day, month, year, today, out date);
    }

    private static bool TryDayAndMonth(Match numeric, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        date = default;

        // Which comes first is the locale's: 11/12 is 11 December in en-GB and 12 November in en-US. The invariant
        // culture has no reader to ask, so it takes no short form at all.
        if (Equals(culture, CultureInfo.InvariantCulture))
        {
            return false;
        }

        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var dayFirst = pattern.IndexOf('d', StringComparison.Ordinal) < pattern.IndexOf('M', StringComparison.Ordinal);
        var first = int.Parse(numeric.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(numeric.Groups["second"].Value, CultureInfo.InvariantCulture);
        return dayFirst
            ? TryCalendarDate(first, second, null, today, out date)
            : TryCalendarDate(second, first, null, today, out date);
    }

    private static bool TryCalendarDate(int day, int month, int? year, DateOnly today, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        if (year is { } given)
        {
            if (given is < 1 or > 9999 || day > DateTime.DaysInMonth(given, month))
            {
                return false;
            }

            date = new DateOnly(given, month, day);
            return true;
        }

        // The next such date from today: this year's if it is still to come, else the next year that has it
        // (29 February waits for a leap year).
        for (var candidate = today.Year; candidate <= today.Year + 8; candidate++)
        {
            if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day) >= today)
            {
                date = new DateOnly(candidate, month, day);
                return true;
            }
        }

        return false;
    }

    private static DateOnly? After(DateOnly today, int count, Kind unit) => count is < 1 or > 1000 ? null : unit switch
    {
        Kind.DayUnit => today.AddDays(count),
        Kind.WeekUnit => today.AddDays(7 * count),
        Kind.Fortnight => today.AddDays(14 * count),
        Kind.MonthUnit => today.AddMonths(count),
        _ => null,
    };

    private static DateOnly Coming(DateOnly today, DayOfWeek day, bool includeToday)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 && !includeToday ? 7 : ahead);
    }

    private static DateOnly InNextWeek(DateOnly today, DayOfWeek day, DayOfWeek firstDay)
    {
        var weekStart = today.AddDays(-(((int)today.DayOfWeek - (int)firstDay + 7) % 7));
        return weekStart.AddDays(7 + (((int)day - (int)firstDay + 7) % 7));
    }

    private static DateOnly EndOfMonth(DateOnly inMonth) =>
        new(inMonth.Year, inMonth.Month, DateTime.DaysInMonth(inMonth.Year, inMonth.Month));

    private static bool TryRead(string token, Vocabulary vocabulary, out Word word)
    {
        if (OrdinalNumber().Match(token) is { Success: true } number)
        {
            word = new Word(Kind.Number, int.Parse(number.Groups["n"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        var trimmed = token.Trim('.');
        return vocabulary.Abbreviations.TryGetValue(trimmed, out word) || TypoTolerance.TryMatch(trimmed, vocabulary.Words, out word);
    }

    private static Vocabulary VocabularyFor(CultureInfo culture) =>
        Vocabularies.GetOrAdd(culture.Name, _ => BuildVocabulary(culture));

    private static Vocabulary BuildVocabulary(CultureInfo culture)
    {
        // Whole words forgive typos; abbreviations must be exact, or "weks" could be "weds" as much as "weeks".
        var words = new Dictionary<string, Word>(StringComparer.Ordinal);
        var abbreviations = new Dictionary<string, Word>(StringComparer.Ordinal);
        void AddTo(Dictionary<string, Word> into, Word word, string[] forms)
        {
            foreach (var form in forms)
            {
                var key = form.Trim().TrimEnd('.').ToLowerInvariant();
                if (key.Length > 0)
                {
                    into.TryAdd(key, word);
                }
            }
        }

        void Add(Word word, params string[] forms) => AddTo(words, word, forms);
        void Abbreviate(Word word, params string[] forms) => AddTo(abbreviations, word, forms);

        Add(new Word(Kind.Today), "today", "tonight");
        Add(new Word(Kind.Tomorrow), "tomorrow");
        Abbreviate(new Word(Kind.Tomorrow), "tmrw", "tmw");
        Add(new Word(Kind.Yesterday), "yesterday");
        Add(new Word(Kind.Next), "next", "following");
        Add(new Word(Kind.This), "this");
        Add(new Word(Kind.End), "end");
        Add(new Word(Kind.In), "in", "within");
        Add(new Word(Kind.After), "after");
        Add(new Word(Kind.DayUnit), "day", "days");
        Add(new Word(Kind.WeekUnit), "week", "weeks");
        Abbreviate(new Word(Kind.WeekUnit), "wk", "wks");
        Add(new Word(Kind.MonthUnit), "month", "months");
        Add(new Word(Kind.Fortnight), "fortnight", "fortnights");

        // Words that carry nothing for the date: "by the end of the month", "on Friday", "in two weeks' time".
        Add(new Word(Kind.Filler), "the", "of", "on", "by", "at", "from", "now", "time", "before", "until", "till", "latest", "for", "coming");

        string[] numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (var i = 0; i < numbers.Length; i++)
        {
            Add(new Word(Kind.Number, i + 1), numbers[i]);
        }

        Add(new Word(Kind.Number, 1), "a", "an");

        var format = culture.DateTimeFormat;
        for (var month = 1; month <= 12; month++)
        {
            Add(new Word(Kind.Month, month), EnglishMonths[month - 1], format.MonthNames[month - 1], format.MonthGenitiveNames[month - 1]);
            Abbreviate(new Word(Kind.Month, month), EnglishMonths[month - 1][..3], format.AbbreviatedMonthNames[month - 1], format.AbbreviatedMonthGenitiveNames[month - 1]);
        }

        Abbreviate(new Word(Kind.Month, 9), "sept");
        for (var day = 0; day < 7; day++)
        {
            Add(new Word(Kind.Weekday, day), EnglishDays[day], format.DayNames[day]);
            Abbreviate(new Word(Kind.Weekday, day), EnglishDays[day][..3], format.AbbreviatedDayNames[day]);
        }

        Abbreviate(new Word(Kind.Weekday, (int)DayOfWeek.Tuesday), "tues");
        Abbreviate(new Word(Kind.Weekday, (int)DayOfWeek.Wednesday), "weds");
        Abbreviate(new Word(Kind.Weekday, (int)DayOfWeek.Thursday), "thur", "thurs");
        return new Vocabulary(words, abbreviations);
    }

    [GeneratedRegex(@"^(?<first>\d{1,2})\s*[/.\-]\s*(?<second>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\ba couple( of)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ACouple();

    [GeneratedRegex(@"[\p{L}\p{N}.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(?<n>\d{1,4})(st|nd|rd|th|\.)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalNumber();

    private enum Kind
    {
        Filler,
        Today,
        Tomorrow,
        Yesterday,
        Next,
        This,
        End,
        In,
        After,
        DayUnit,
        WeekUnit,
        MonthUnit,
        Fortnight,
        Number,
        Month,
        Weekday,
    }

    private sealed record Vocabulary(IReadOnlyDictionary<string, Word> Words, IReadOnlyDictionary<string, Word> Abbreviations);

    private readonly record struct Word(Kind Kind, int Value = 0)
    {
        public DayOfWeek DayOfWeek => (DayOfWeek)Value;
    }
}
