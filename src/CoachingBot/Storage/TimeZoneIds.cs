namespace CoachingBot.Storage;

internal static class TimeZoneIds
{
    /// <summary>
    /// The IANA id for a known IANA or Windows time zone id, or null when unknown. Stored zones are IANA so that they
    /// mean the same on every host OS.
    /// </summary>
    public static string? ToIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }
}
