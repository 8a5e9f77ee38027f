using System.Net;
using CoachingBot.Teams.Connector;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 26, 0, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("0", 0.0)]
    [InlineData("120", 120.0)]
    [InlineData("Sun, 26 Oct 2025 00:30:10 GMT", 10.0)] // date form, measured from the given now
    [InlineData("Sun, 26 Oct 2025 01:30:00 GMT", 3600.0)] // the day a European clock goes back: UTC knows nothing of it
    [InlineData("Sun, 26 Oct 2025 00:29:00 GMT", 0.0)] // a date already past means no wait
    [InlineData("Sunday, 26-Oct-25 00:30:05 GMT", 5.0)] // RFC 850 form, still allowed by HTTP
    public void Read_ReturnsRequestedWait_WhenHeaderIsReadable(string header, double expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.TryAddWithoutValidation("Retry-After", header));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.Read(response, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void Read_ReturnsNull_WhenHeaderIsMissingOrUnreadable(string? header)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", header);
        }

        Assert.Null(RetryAfter.Read(response, Now));
    }
}
