namespace CoachingBot.Sessions;

/// <summary>Where an agreed action stands.</summary>
public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>An action the client agreed to, from a coaching conversation.</summary>
public sealed record ActionItem
{
    public required Guid Id { get; init; }

    /// <summary>The conversation the action came from.</summary>
    public required Guid ConversationId { get; init; }

    /// <summary>The Teams user id of the client who owns it.</summary>
    public required string OwnerUserId { get; init; }

    public required string What { get; init; }

    public required DateOnly ByWhen { get; init; }

    public string? Support { get; init; }

    /// <summary>How confident the client is of doing it, 1 to 10.</summary>
    public required int Confidence { get; init; }

    public required ActionStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
