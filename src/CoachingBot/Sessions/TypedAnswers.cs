using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoachingBot.Models;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Sessions;

/// <summary>
/// The typed way through every card: a goal, an option list (one a line), the options to weigh or choose, actions
/// (one a line, "by" a date), or five FIRST ratings, typed instead of filling the card. What can stand as the answer is
/// taken; what cannot (a goal without a date, actions without a confidence) is put into the card for the client to finish.
/// </summary>
public static partial class TypedAnswers
{
    public static string GoalFilled => SessionReplies.GoalFilled;
    public static string ActionsFilled => SessionReplies.ActionsFilled;
    public static string NotSureAtCard => SessionReplies.NotSureAtCard;
    public static string FirstHint => SessionReplies.FirstHint;
    public static string PickHint => SessionReplies.PickHint;

    /// <summary>A goal typed; <paramref name="today"/> is the user's date.</summary>
    public static TypedCardReading<GoalDraft> Goal(string text, TurnContext turn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (FollowUps.IsNotSure(text))
        {
            return TypedCardReading.Refuse<GoalDraft>(NotSureAtCard);
        }

        var (what, date) = SplitDate(text, UserLocale.CultureOf(turn.Activity), today);
        what = Reflections.Shorten(what, GoalCard.MaxGoalLength);
        return date is { } targetDate
            ? TypedCardReading.Answer<GoalDraft>(new GoalDraft(what, null, null, null, null, targetDate))
            : TypedCardReading.FillCard<GoalDraft>(new Dictionary<string, string> { [GoalCard.GoalId] = what }, GoalFilled);
    }

    public static TypedCardReading<IReadOnlyList<string>> Options(string text, TurnContext turn, CardFormPromptOptions options)
    {
        if (FollowUps.IsNotSure(text))
        {
            return TypedCardReading.Refuse<IReadOnlyList<string>>(NotSureAtCard);
        }

        var listed = Lines(text);
        if (listed.Count > OptionsCard.MaxOptions)
        {
            return TypedCardReading.Refuse<IReadOnlyList<string>>(TextFormat.Format(SessionReplies.TooManyOptions, listed.Count, OptionsCard.MaxOptions));
        }

        if (listed.Any(option => option.Length > OptionsCard.MaxOptionLength))
        {
            return TypedCardReading.Refuse<IReadOnlyList<string>>(TextFormat.Format(SessionReplies.OptionTooLong, OptionsCard.MaxOptionLength));
        }

        return listed.Distinct(StringComparer.OrdinalIgnoreCase).Count() != listed.Count
            ? TypedCardReading.Refuse<IReadOnlyList<string>>(CardTexts.OptionsSame)
            : TypedCardReading.Answer<IReadOnlyList<string>>(listed);
    }

    /// <summary>Options named by number or by their words, out of those the card offers.</summary>
    public static TypedCardReading<IReadOnlyList<string>> Shortlist(string text, TurnContext turn, CardFormPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var named = Named(text, OptionsCard.Listed(options.Values ?? new Dictionary<string, string>()));
        return named.Count switch
        {
            0 => TypedCardReading.Refuse<IReadOnlyList<string>>(PickHint),
            > OptionsCard.MaxWeighed => TypedCardReading.Refuse<IReadOnlyList<string>>(TextFormat.Format(CardTexts.PickNoMoreThan, OptionsCard.MaxWeighed)),
            _ => TypedCardReading.Answer<IReadOnlyList<string>>(named),
        };
    }

    /// <summary>The options chosen, by number or words, without ratings.</summary>
    public static TypedCardReading<IReadOnlyList<OptionItem>> Weigh(string text, TurnContext turn, CardFormPromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listed = OptionsCard.Listed(options.Values ?? new Dictionary<string, string>());
        var named = Named(text, listed);
        return named.Count == 0
            ? TypedCardReading.Refuse<IReadOnlyList<OptionItem>>(PickHint)
            : TypedCardReading.Answer<IReadOnlyList<OptionItem>>([.. listed.Select(option => new OptionItem(option, Chosen: named.Contains(option)))]);
    }

    /// <summary>Actions typed, one a line; <paramref name="today"/> is the user's date.</summary>
    public static TypedCardReading<IReadOnlyList<ActionDraft>> Actions(string text, TurnContext turn, CardFormPromptOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(options);
        if (FollowUps.IsNotSure(text))
        {
            return TypedCardReading.Refuse<IReadOnlyList<ActionDraft>>(NotSureAtCard);
        }

        var rows = options.Values?.ContainsKey(CardParts.ShortPathKey) == true ? 1 : ActionsCard.MaxActions;
        var lines = Lines(text);
        if (lines.Count > rows)
        {
            return TypedCardReading.Refuse<IReadOnlyList<ActionDraft>>(rows == 1
                ? SessionReplies.OneActionShort
                : TextFormat.Format(SessionReplies.TooManyActions, lines.Count, ActionsCard.MaxActions));
        }

        var fill = new Dictionary<string, string>(StringComparer.Ordinal);
        var complete = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, confidence) = SplitConfidence(lines[i]);
            var (what, date) = SplitDate(line, UserLocale.CultureOf(turn.Activity), today);
            fill[ActionsCard.WhatId(i)] = Reflections.Shorten(what, ActionsCard.MaxWhatLength);
            if (date is { } byWhen)
            {
                fill[ActionsCard.ByWhenId(i)] = byWhen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (confidence is { } sure)
            {
                fill[ActionsCard.ConfidenceId(i)] = sure.ToString(CultureInfo.InvariantCulture);
            }

            complete &= date is not null && confidence is not null;
        }

        // Every action typed whole (what, by when, how confident) is the answer, read by the card's own rules; anything
        // less fills the card for the client to finish.
        if (complete && ActionsCard.Read(JsonSerializer.SerializeToElement(fill), today) is { IsValid: true } read)
        {
            return TypedCardReading.Answer(read.Value!);
        }

        return TypedCardReading.FillCard<IReadOnlyList<ActionDraft>>(fill, ActionsFilled);
    }

    /// <summary>
    /// An action line and the confidence it ends with, written "confidence 8", "confident 8/10" or "(8/10)"; a bare
    /// number or "8/10" alone is not taken, since a date can end with one.
    /// </summary>
    public static (string Text, int? Confidence) SplitConfidence(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = TrailingConfidence().Match(line);
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var confidence)
            && confidence is >= 1 and <= 10
            ? (line[..match.Index].TrimEnd(' ', ',', ';', '-', '–'), confidence)
            : (line, null);
    }

    public static TypedCardReading<FirstRatings> First(string text, TurnContext turn, CardFormPromptOptions options)
    {
        var numbers = Digits().Matches(text).Select(match => int.Parse(match.Value, CultureInfo.InvariantCulture)).ToList();
        if (numbers.Count != FirstModel.Factors.Count || numbers.Any(n => n < FirstModel.MinRating || n > FirstModel.MaxRating))
        {
            return TypedCardReading.Refuse<FirstRatings>(FirstHint);
        }

        return TypedCardReading.Answer<FirstRatings>(new FirstRatings(
            FirstModel.Factors.Select((factor, i) => (factor.Id, numbers[i])).ToDictionary(pair => pair.Id, pair => pair.Item2, StringComparer.Ordinal),
            null));
    }

    /// <summary>
    /// Whether the text lists two or more items (see <see cref="Lines"/>): where a card asks for a list, such a message is
    /// its answer, never the rest of the answer before.
    /// </summary>
    public static bool IsList(string text) => Lines(text).Count >= 2;

    /// <summary>One item a line; a single line may list them with semicolons. Bullets and numbering are dropped.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 1)
        {
            lines = lines[0].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [.. lines.Select(line => Bullet().Replace(line, string.Empty).Trim()).Where(line => line.Length > 0)];
    }

    /// <summary>
    /// The text and a date it ends with after "by" ("Email Sam by 6/3/2026", "… by 2026-03-06", "… by 6 March"), read
    /// in the user's locale; a date in the past is not taken.
    /// </summary>
    public static (string Text, DateOnly? Date) SplitDate(string text, CultureInfo culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        var at = text.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return (text.Trim(), null);
        }

        return TryDate(text[(at + 4)..].Trim().TrimEnd('.', '!'), culture, today, out var date) && date >= today
            ? (text[..at].Trim(), date)
            : (text.Trim(), null);
    }

    private static bool TryDate(string text, CultureInfo culture, DateOnly today, out DateOnly date)
    {
        string[] patterns = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMMM d, yyyy"];
        if (DateOnly.TryParseExact(text, patterns, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }

        if (!Equals(culture, CultureInfo.InvariantCulture))
        {
            var shortPattern = culture.DateTimeFormat.ShortDatePattern.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
            if (DateOnly.TryParseExact(text, [shortPattern, shortPattern.Replace("yyyy", "yy", StringComparison.Ordinal)], culture, DateTimeStyles.AllowWhiteSpaces, out date))
            {
                return true;
            }
        }

        // Day and month without a year: the next time that day comes.
        if (DateOnly.TryParseExact(text + " " + today.Year.ToString(CultureInfo.InvariantCulture), ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            date = date < today ? date.AddYears(1) : date;
            return true;
        }

        return false;
    }

    private static List<string> Named(string text, IReadOnlyList<string> listed)
    {
        var named = new List<string>();
        foreach (Match match in Digits().Matches(text))
        {
            if (int.TryParse(match.Value, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= listed.Count)
            {
                named.Add(listed[number - 1]);
            }
        }

        named.AddRange(listed.Where(option => text.Contains(option, StringComparison.OrdinalIgnoreCase)));
        return [.. named.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"[\s,;\-–]*(?:\(?\s*confiden(?:ce|t)\s*:?\s*(?<n>\d{1,2})(?:\s*/\s*10)?\s*\)?|\(\s*(?<n>\d{1,2})\s*/\s*10\s*\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingConfidence();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}[.)])\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\b\d{1,2}\b")]
    private static partial Regex Digits();
}
