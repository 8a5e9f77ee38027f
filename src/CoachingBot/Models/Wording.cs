using System.Globalization;

namespace CoachingBot.Models;

/// <summary>
/// Reads the wording a definition names: the models, the frame, FIRST and the follow-ups hold the names of entries in
/// ModelTexts.resx, not text, so that a definition stays data and its wording changes or is translated in one place.
/// </summary>
public static class Wording
{
    /// <summary>The entry's text in the UI culture (English, the neutral resources, when there is no translation).</summary>
    /// <exception cref="KeyNotFoundException">No entry has this name: a definition and ModelTexts.resx disagree.</exception>
    public static string Of(string key) => In(key, ModelTexts.Culture ?? CultureInfo.CurrentUICulture);

    /// <summary>The entry's text in <paramref name="culture"/>, or in the nearest culture that has it.</summary>
    public static string In(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ModelTexts.ResourceManager.GetString(key, culture)
            ?? throw new KeyNotFoundException($"ModelTexts.resx has no entry named \"{key}\".");
    }

    /// <summary>Whether the neutral (English) resources have a non-empty entry with this name.</summary>
    public static bool Exists(string key) =>
        !string.IsNullOrWhiteSpace(ModelTexts.ResourceManager.GetString(key, CultureInfo.InvariantCulture));
}
