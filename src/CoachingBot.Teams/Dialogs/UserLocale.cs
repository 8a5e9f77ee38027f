using System.Globalization;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>The culture to read a user's numbers and dates in.</summary>
public static class UserLocale
{
    /// <summary>
    /// The culture of the activity's <c>locale</c>, else of the clientInfo entity's locale, else the invariant culture.
    /// Names that are not a known culture are skipped, never thrown on.
    /// </summary>
    public static CultureInfo CultureOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TryGetCulture(activity.Locale)
            ?? TryGetCulture(ClientInfoOf(activity)?.Locale)
            ?? CultureInfo.InvariantCulture;
    }

    internal static ClientInfo? ClientInfoOf(Activity activity)
    {
        if (activity.Entities is null)
        {
            return null;
        }

        foreach (var entity in activity.Entities)
        {
            if (string.Equals(entity.Type, ClientInfo.EntityType, StringComparison.OrdinalIgnoreCase))
            {
                return entity as ClientInfo ?? entity.As<ClientInfo>();
            }
        }

        return null;
    }

    private static CultureInfo? TryGetCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
