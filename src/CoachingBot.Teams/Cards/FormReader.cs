using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Reads and validates what a card sent back: the <c>value</c> of a message from Action.Submit, or <c>action.data</c> of
/// an <c>adaptiveCard/action</c> invoke from Action.Execute. Teams sends every input as a string (numbers as "3", toggles as
/// "true", dates as "yyyy-MM-dd", a multi-select as "a,b"); real JSON numbers and booleans are accepted too.
/// Each read records at most one error per field, worded for the user with the field's label; nothing throws on bad input.
/// </summary>
public sealed class FormReader
{
    /// <summary>The key in <see cref="Errors"/> of an error about the whole answer rather than one field.</summary>
    public const string FormErrorKey = "";

    /// <summary>The longest text accepted when a read gives no limit: bounds what one answer can put in storage.</summary>
    public const int DefaultMaxLength = 4000;

    /// <summary>The error given when the answer is missing or is not a JSON object.</summary>
    public static string EmptyAnswerMessage => FormWording.EmptyAnswer;

    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly bool _answered;

    private FormReader(JsonElement? data, string? verb)
    {
        if (data is not { ValueKind: JsonValueKind.Object } fields)
        {
            _errors[FormErrorKey] = EmptyAnswerMessage;
            Verb = verb;
            return;
        }

        _answered = true;

        foreach (var field in fields.EnumerateObject())
        {
            _fields[field.Name] = field.Value;
            if (ScalarText(field.Value) is { } text)
            {
                _raw[field.Name] = text;
            }
            else
            {
                _raw.Remove(field.Name);
            }
        }

        Verb = verb ?? Clean(ScalarText(Get("verb")));
    }

    /// <summary>Reads the <c>value</c> of a message sent by Action.Submit.</summary>
    public static FormReader From(JsonElement? value) => new(value, verb: null);

    /// <summary>
    /// Reads the <c>value</c> of an <c>adaptiveCard/action</c> invoke: the fields of <c>action.data</c>, and
    /// <see cref="Verb"/> from <c>action.verb</c>.
    /// </summary>
    public static FormReader FromInvoke(JsonElement? invokeValue)
    {
        if (invokeValue is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action)
            && action.ValueKind == JsonValueKind.Object)
        {
            var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var data = action.TryGetProperty("data", out var d) ? d : default(JsonElement?);
            return new FormReader(data, Clean(verb));
        }

        return new FormReader(null, null);
    }

    /// <summary>True when no read so far found a problem and the answer was an object.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>One message per field id, in plain words; <see cref="FormErrorKey"/> for the answer as a whole.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>
    /// Every field that arrived as a string, number or boolean, as the text sent (not trimmed), so a card can be shown
    /// again as the user left it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Raw => _raw;

    /// <summary>
    /// What the user asked for: the verb of an Action.Execute, or for Action.Submit a "verb" field in the action's data.
    /// Null when there is none.
    /// </summary>
    public string? Verb { get; }

    /// <summary>
    /// A field the card itself put in the action's data (such as a card id), trimmed; null when missing. Records no
    /// error, since such fields are not the user's to fill in: the caller decides what a missing one means.
    /// </summary>
    public string? Field(string id) => Clean(ScalarText(Get(id)));

    /// <summary>
    /// Records an error for a field, such as a rule between two fields; a field keeps its first error. Ignored when the
    /// answer was empty, which already has its one error.
    /// </summary>
    public void AddError(string id, string message) => Record(id, message);

    /// <summary>
    /// Text, trimmed, with control characters other than newline and tab removed; whitespace only counts as missing.
    /// Text longer than <paramref name="maxLength"/> (counted in UTF-16 units, as Teams counts an input's maxLength) is an
    /// error, never cut short.
    /// </summary>
    public string? Text(string id, string? label = null, bool required = false, int maxLength = DefaultMaxLength)
    {
        if (!TryText(id, out var text))
        {
            return FailText(id, Say(FormWording.MustBeText, Name(id, label)));
        }

        if (text is null)
        {
            return required ? FailText(id, Say(FormWording.Required, Name(id, label))) : null;
        }

        if (text.Length > maxLength)
        {
            return FailText(id, Say(FormWording.TooLong, Name(id, label), maxLength, text.Length));
        }

        return text;
    }

    /// <summary>A whole number within <paramref name="min"/> and <paramref name="max"/>; "3.0" counts as 3, "3.5" does not.</summary>
    public int? WholeNumber(string id, string? label = null, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryText(id, out var text, allowBoolean: false))
        {
            return Fail<int>(id, WholeNumberMessage(Name(id, label), min, max));
        }

        if (text is null)
        {
            return Missing<int>(id, label, required);
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number)
            && number >= min && number <= max)
        {
            return (int)number;
        }

        return Fail<int>(id, WholeNumberMessage(Name(id, label), min, max));
    }

    /// <summary>
    /// A date written yyyy-MM-dd. <paramref name="today"/> (the user's local date, from the caller's clock) rejects dates in
    /// the past; <paramref name="notBefore"/> and <paramref name="notAfter"/> bound it otherwise.
    /// </summary>
    public DateOnly? Date(
        string id, string? label = null, bool required = false,
        DateOnly? today = null, DateOnly? notBefore = null, DateOnly? notAfter = null)
    {
        var invalid = Say(FormWording.NotADate, Name(id, label));
        if (!TryText(id, out var text, allowBoolean: false, allowNumber: false))
        {
            return Fail<DateOnly>(id, invalid);
        }

        if (text is null)
        {
            return Missing<DateOnly>(id, label, required);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Fail<DateOnly>(id, invalid);
        }

        if (date < today)
        {
            return Fail<DateOnly>(id, Say(FormWording.DateInPast, Name(id, label)));
        }

        if (date < notBefore)
        {
            return Fail<DateOnly>(id, Say(FormWording.DateBefore, Name(id, label), LongDate(notBefore.Value)));
        }

        if (date > notAfter)
        {
            return Fail<DateOnly>(id, Say(FormWording.DateAfter, Name(id, label), LongDate(notAfter.Value)));
        }

        return date;
    }

    /// <summary>A time of day written HH:mm (or HH:mm:ss), between <paramref name="notBefore"/> and <paramref name="notAfter"/>.</summary>
    public TimeOnly? Time(string id, string? label = null, bool required = false, TimeOnly? notBefore = null, TimeOnly? notAfter = null)
    {
        var invalid = Say(FormWording.NotATime, Name(id, label));
        if (!TryText(id, out var text, allowBoolean: false, allowNumber: false))
        {
            return Fail<TimeOnly>(id, invalid);
        }

        if (text is null)
        {
            return Missing<TimeOnly>(id, label, required);
        }

        if (!TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return Fail<TimeOnly>(id, invalid);
        }

        if (time < notBefore)
        {
            return Fail<TimeOnly>(id, Say(FormWording.TimeBefore, Name(id, label), Clock(notBefore.Value)));
        }

        if (time > notAfter)
        {
            return Fail<TimeOnly>(id, Say(FormWording.TimeAfter, Name(id, label), Clock(notAfter.Value)));
        }

        return time;
    }

    /// <summary>
    /// A check box: true when it sent <paramref name="valueOn"/> (or JSON true), false when missing or off.
    /// <paramref name="mustBeOn"/> makes an unticked box an error, as for consent.
    /// </summary>
    public bool Toggle(string id, string? label = null, bool mustBeOn = false, string valueOn = "true", string valueOff = "false")
    {
        var element = Get(id);
        bool? on = element?.ValueKind switch
        {
            null or JsonValueKind.Null => false,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when Clean(element.Value.GetString()) is null => false,
            JsonValueKind.String when string.Equals(Clean(element.Value.GetString()), valueOn, StringComparison.OrdinalIgnoreCase) => true,
            JsonValueKind.String when string.Equals(Clean(element.Value.GetString()), valueOff, StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };

        if (on is null)
        {
            Fail<bool>(id, Say(FormWording.OnOrOff, Name(id, label)));
            return false;
        }

        if (mustBeOn && on == false)
        {
            Fail<bool>(id, Say(FormWording.MustBeTicked, Name(id, label)));
        }

        return on.Value;
    }

    /// <summary>One value of a single-select choice set, which must be one of <paramref name="allowed"/>.</summary>
    public string? Choice(string id, IEnumerable<string> allowed, string? label = null, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!TryText(id, out var text, allowBoolean: false))
        {
            return FailText(id, Say(FormWording.OneOfTheOptions, Name(id, label)));
        }

        if (text is null)
        {
            return required ? FailText(id, Say(FormWording.Required, Name(id, label))) : null;
        }

        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : FailText(id, Say(FormWording.OneOfTheOptions, Name(id, label)));
    }

    /// <summary>
    /// The values of a multi-select choice set, sent as "a,b" (or a JSON array), in the order sent, without repeats;
    /// each must be one of <paramref name="allowed"/>, and there must be from <paramref name="min"/> to <paramref name="max"/>.
    /// Empty when missing or on error.
    /// </summary>
    public IReadOnlyList<string> Choices(string id, IEnumerable<string> allowed, string? label = null, int min = 0, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var element = Get(id);
        IEnumerable<string?> parts;
        if (element is { ValueKind: JsonValueKind.Array } array)
        {
            parts = array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : null);
            if (parts.Any(part => part is null))
            {
                return FailList(id, Say(FormWording.ChosenFromTheOptions, Name(id, label)));
            }
        }
        else if (element is { ValueKind: JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number })
        {
            return FailList(id, Say(FormWording.ChosenFromTheOptions, Name(id, label)));
        }
        else
        {
            parts = (Clean(ScalarText(element)) ?? "").Split(',');
        }

        var chosen = parts.Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var offered = allowed.ToHashSet(StringComparer.Ordinal);
        if (chosen.Any(value => !offered.Contains(value)))
        {
            return FailList(id, Say(FormWording.ChosenFromTheOptions, Name(id, label)));
        }

        if (chosen.Count < min)
        {
            return FailList(id, chosen.Count == 0 && min == 1
                ? Say(FormWording.Required, Name(id, label))
                : (min == 1 ? Say(FormWording.AtLeastOneChoice, Name(id, label), chosen.Count) : Say(FormWording.AtLeastChoices, Name(id, label), min, chosen.Count)));
        }

        if (chosen.Count > max)
        {
            return FailList(id, (max == 1 ? Say(FormWording.AtMostOneChoice, Name(id, label), chosen.Count) : Say(FormWording.AtMostChoices, Name(id, label), max, chosen.Count)));
        }

        return chosen;
    }

    private JsonElement? Get(string id) => _fields.TryGetValue(id, out var element) ? element : null;

    /// <summary>
    /// The field's cleaned text, null when missing or blank; false when it holds a kind of value the caller cannot
    /// take (an object, an array, or a number or boolean where text is wanted).
    /// </summary>
    private bool TryText(string id, out string? text, bool allowBoolean = true, bool allowNumber = true)
    {
        var element = Get(id);
        text = Clean(ScalarText(element, allowBoolean, allowNumber));
        return text is not null || element is null or { ValueKind: JsonValueKind.Null or JsonValueKind.String };
    }

    private T? Missing<T>(string id, string? label, bool required)
        where T : struct =>
        required ? Fail<T>(id, Say(FormWording.Required, Name(id, label))) : null;

    private T? Fail<T>(string id, string message)
        where T : struct
    {
        Record(id, message);
        return null;
    }

    private string? FailText(string id, string message)
    {
        Record(id, message);
        return null;
    }

    private string[] FailList(string id, string message)
    {
        Record(id, message);
        return [];
    }

    // When the whole answer is missing, "X is required" for every field would only bury the one error that matters.
    private void Record(string id, string message)
    {
        if (_answered)
        {
            _errors.TryAdd(id, message);
        }
    }

    private static string Name(string id, string? label) => string.IsNullOrWhiteSpace(label) ? id : label.Trim();

    private static string WholeNumberMessage(string name, int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => Say(FormWording.WholeNumber, name),
        (_, int.MaxValue) => Say(FormWording.WholeNumberAtLeast, name, min),
        (int.MinValue, _) => Say(FormWording.WholeNumberAtMost, name, max),
        _ => Say(FormWording.WholeNumberBetween, name, min, max),
    };

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A message from FormWording.resx with its holes filled; numbers and dates as written everywhere in the card.</summary>
    private static string Say(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The text of a string, number or boolean; null for anything else.</summary>
    private static string? ScalarText(JsonElement? element, bool allowBoolean = true, bool allowNumber = true) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString(),
        JsonValueKind.Number when allowNumber => element.Value.GetRawText(),
        JsonValueKind.True when allowBoolean => "true",
        JsonValueKind.False when allowBoolean => "false",
        _ => null,
    };

    /// <summary>Line breaks made "\n", control characters other than newline and tab removed, trimmed; null when nothing is left.</summary>
    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
