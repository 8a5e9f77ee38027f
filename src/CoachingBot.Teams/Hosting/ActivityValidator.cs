using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Hosting;

/// <summary>Checks that an inbound activity carries what its type needs before any handler sees it.</summary>
public static class ActivityValidator
{
    /// <summary>The longest message text accepted; Teams itself caps messages at about 28 KB.</summary>
    public const int MaxTextLength = 28_000;

    /// <summary>Returns a short reason the activity cannot be handled, or null when it can.</summary>
    public static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "The body is not an activity.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "The activity has no serviceUrl.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's serviceUrl is not an absolute http(s) URL.";
        }

        var needsSender = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        if (needsSender && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no sender (from.id).";
        }

        if (activity.Type == ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.Name))
        {
            return "The invoke activity has no name.";
        }

        if (activity.Text is { Length: > MaxTextLength })
        {
            return $"The message text is longer than {MaxTextLength} characters.";
        }

        return null;
    }
}
