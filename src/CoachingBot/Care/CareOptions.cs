namespace CoachingBot.Care;

/// <summary>
/// Configuration section "Care": the support the organisation offers, shown when a message suggests someone is
/// struggling. Everything is optional; the reply always tells the person to contact emergency services when in danger.
/// </summary>
public sealed class CareOptions
{
    public const string SectionName = "Care";

    /// <summary>Who to talk to and how, in the organisation's words, e.g. "Employee Assistance Programme: 0800 000 0000, free, 24 hours".</summary>
    public string? SupportLine { get; set; }

    /// <summary>An http(s) page with the organisation's wellbeing and crisis support.</summary>
    public string? SupportUrl { get; set; }

    /// <summary>The local emergency number to name, e.g. "999"; empty says "your local emergency services".</summary>
    public string? EmergencyNumber { get; set; }
}
