using System.Globalization;

namespace CoachingBot;

/// <summary>
/// Fills the numbered holes of a text read from a .resx. The values are names, the client's words and whole numbers,
/// written the same in every culture; dates are formatted before they are passed in.
/// </summary>
internal static class TextFormat
{
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
