using System.Globalization;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Sessions;

/// <summary>Small pieces the session cards share.</summary>
internal static class CardParts
{
    /// <summary>A prompt value (not an input) that tells a form to show its short version, for the ten-minute path.</summary>
    public const string ShortPathKey = "shortPath";

    public static IReadOnlyDictionary<string, string>? PathValues(bool isShort) =>
        isShort ? new Dictionary<string, string>(StringComparer.Ordinal) { [ShortPathKey] = "true" } : null;

    public static bool IsShortPath(IReadOnlyDictionary<string, string> values) => values.ContainsKey(ShortPathKey);

    public static TextBlock Heading(string text) => new(text) { Weight = TextWeight.Bolder, Size = TextSize.Medium };

    public static TextBlock Note(string text) => new(text) { IsSubtle = true };

    /// <summary>A compact 1..max choice, as Teams renders it: a drop-down that works on every client.</summary>
    public static ChoiceSetInput Scale(string id, string label, int min, int max, bool required) => new(id, label)
    {
        Style = ChoiceInputStyle.Compact,
        IsRequired = required,
        ErrorMessage = required ? TextFormat.Format(CardTexts.ScaleRequired, min, max) : null,
        Choices = [.. Enumerable.Range(min, max - min + 1).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))],
    };

    /// <summary>The id of the <paramref name="index"/>th (from 0) of a repeated input, numbered from 1 as people count.</summary>
    public static string Numbered(string prefix, int index) => prefix + (index + 1).ToString(CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static IEnumerable<string> Values(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
}
