using System.Text.RegularExpressions;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>The user's time zone and local date, as far as an activity tells them. Never the server's zone.</summary>
public static partial class UserClock
{
    /// <summary>
    /// The zone named by the activity's <c>localTimezone</c>, else by the clientInfo entity's <c>timezone</c>, else UTC.
    /// Names that are not IANA-shaped or not known on this machine are skipped.
    /// </summary>
    public static TimeZoneInfo TimeZoneOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TryFindZone(activity.LocalTimezone)
            ?? TryFindZone(UserLocale.ClientInfoOf(activity)?.Timezone)
            ?? TimeZoneInfo.Utc;
    }

    /// <summary>The date it is now where the user is, by <paramref name="timeProvider"/>'s clock.</summary>
    public static DateOnly Today(Activity activity, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var local = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneOf(activity));
        return DateOnly.FromDateTime(local.DateTime);
    }

    private static TimeZoneInfo? TryFindZone(string? id)
    {
        // The id comes from the client; on Linux it becomes a file path under the zoneinfo folder, so only plain
        // IANA names (Area/Location, no dots) are looked up.
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !IanaName().IsMatch(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaName();
}
