namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>A clock the test sets. Its local zone is UTC so nothing can lean on the machine's zone.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
