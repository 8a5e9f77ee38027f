namespace CoachingBot.Teams.Connector;

/// <summary>At most <paramref name="Limit"/> sends in any span of <paramref name="Length"/>.</summary>
internal readonly record struct SendRateWindow(TimeSpan Length, int Limit)
{
    /// <summary>Teams' limits per bot per conversation.</summary>
    public static IReadOnlyList<SendRateWindow> TeamsPerConversation { get; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];
}
