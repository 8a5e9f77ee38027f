using System.Net.Http.Headers;

namespace CoachingBot.Teams.Connector;

/// <summary>Reads the <c>Retry-After</c> header the connector sends with 429 and 503.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The wait the server asked for, or null when it named none (or nothing readable). A date in the past means
    /// no wait; the date form is measured from <paramref name="now"/>, not the machine clock.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Read(response.Headers.RetryAfter, now);
    }

    /// <inheritdoc cref="Read(HttpResponseMessage, DateTimeOffset)"/>
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? null : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
