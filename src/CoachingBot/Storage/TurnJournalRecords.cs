namespace CoachingBot.Storage;

/// <summary>An accepted activity: the durable inbox row and, for as long as it is kept, the resend de-duplication.</summary>
internal sealed class InboxRecord
{
    /// <summary><c>{conversationId}|{activityId}</c>.</summary>
    public required string Key { get; set; }
    public required string ConversationId { get; set; }
    public string? ActivityType { get; set; }

    /// <summary>The activity as it arrived, serialized; unknown fields included.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>An invoke, run while its request waits: never taken up by recovery.</summary>
    public bool Inline { get; set; }
    public int Attempts { get; set; }

    /// <summary>Null while the turn is unfinished.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A reply a finished turn wants sent, kept until the connector has taken it.</summary>
internal sealed class OutboxRecord
{
    public required string TurnKey { get; set; }
    public int Index { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>The turn's arrival, so replies go out in the order of the turns that made them.</summary>
    public DateTimeOffset TurnReceivedAt { get; set; }
    public bool IsUpdate { get; set; }
    public string? TargetActivityId { get; set; }
    public required string Payload { get; set; }
    public int Attempts { get; set; }

    /// <summary>Null while unsent.</summary>
    public DateTimeOffset? SettledAt { get; set; }
    public bool Delivered { get; set; }
}

/// <summary>Which instance is running a conversation's turns, until when.</summary>
internal sealed class LaneRecord
{
    public required string ConversationId { get; set; }
    public required string Owner { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
