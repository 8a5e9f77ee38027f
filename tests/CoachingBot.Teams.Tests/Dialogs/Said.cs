using System.Globalization;
using System.Text;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>A prompt's text with its holes filled, as the prompts fill them, so tests name the text rather than copy it.</summary>
internal static class Said
{
    public static string Format(CompositeFormat format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
