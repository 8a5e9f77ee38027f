using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoachingBot.Care;

/// <summary>The answer to a message that signals distress, in the user's language, with the configured support.</summary>
internal sealed class CareReply(IOptions<CareOptions> options)
{
    private readonly CareOptions _options = options.Value;

    /// <summary>The whole answer as one message, so it arrives together and in order.</summary>
    public string Compose(CultureInfo culture, bool conversationPaused)
    {
        var line = _options.SupportLine?.Trim();
        var url = _options.SupportUrl?.Trim();
        var emergency = _options.EmergencyNumber?.Trim();

        List<string> paragraphs =
        [
            Text(nameof(CareTexts.Opening), culture),
            string.IsNullOrEmpty(emergency) ? Text(nameof(CareTexts.Emergency), culture) : Format(nameof(CareTexts.EmergencyNumber), culture, emergency),
        ];

        List<string> support = [];
        if (!string.IsNullOrEmpty(line))
        {
            support.Add(Format(nameof(CareTexts.SupportLine), culture, line));
        }

        if (!string.IsNullOrEmpty(url))
        {
            support.Add(Format(nameof(CareTexts.SupportUrl), culture, url));
        }

        paragraphs.Add(support.Count == 0
            ? Text(nameof(CareTexts.NotACounsellorNoSupport), culture)
            : Text(nameof(CareTexts.NotACounsellor), culture) + "\n" + string.Join("\n", support));
        paragraphs.Add(Text(nameof(CareTexts.TellYourCoach), culture));
        paragraphs.Add(Text(conversationPaused ? nameof(CareTexts.CarryOnLater) : nameof(CareTexts.CarryOnLaterNoConversation), culture));
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The text named <paramref name="name"/> in the user's culture, falling back to English.</summary>
    internal static string Text(string name, CultureInfo culture) =>
        CareTexts.ResourceManager.GetString(name, culture)
        ?? throw new InvalidOperationException($"CareTexts has no text named {name}.");

    private static string Format(string name, CultureInfo culture, string value) =>
        string.Format(culture, Text(name, culture), value);
}
