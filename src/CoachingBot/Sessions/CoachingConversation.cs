namespace CoachingBot.Sessions;

/// <summary>Where a coaching conversation stands.</summary>
public enum ConversationStatus
{
    /// <summary>Under way: the client is answering its questions.</summary>
    Active,
    /// <summary>Stopped before the end (cancelled, or left for a week): kept, and can be resumed.</summary>
    Draft,
    /// <summary>Walked to its summary.</summary>
    Completed,
}

/// <summary>
/// One coaching conversation run from a model, as kept for its client: what they wanted from it, the answer to each
/// stage, the goal, the options, the actions, how it ended, and the FIRST ratings. Saved after every answer.
/// </summary>
public sealed record CoachingConversation
{
    public required Guid Id { get; init; }

    /// <summary>The Teams user id of the client the conversation belongs to.</summary>
    public required string OwnerUserId { get; init; }

    public string? OwnerName { get; init; }

    /// <summary>The Teams conversation (chat) it runs in.</summary>
    public required string ChatId { get; init; }

    public required string ModelId { get; init; }

    public required ConversationStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The beginning: what the client wants from this conversation.</summary>
    public string? PresentingNeed { get; init; }

    /// <summary>The beginning: the time the client has.</summary>
    public string? TimeAvailable { get; init; }

    /// <summary>Free-text answers, by stage id.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    public GoalDraft? Goal { get; init; }

    public IReadOnlyList<OptionItem> Options { get; init; } = [];

    /// <summary>The ending: did the conversation do what the client wanted (Yes, Partly, Not really).</summary>
    public string? ContractCheck { get; init; }

    /// <summary>The ending: when to check in on progress.</summary>
    public DateOnly? FollowUpOn { get; init; }

    /// <summary>FIRST ratings (1 to 5) by factor id, and the client's line.</summary>
    public IReadOnlyDictionary<string, int> FirstRatings { get; init; } = new Dictionary<string, int>();

    public string? FirstComment { get; init; }
}

/// <summary>An option the client listed, how they weighed it, and whether they chose it.</summary>
public sealed record OptionItem(string Text, int? Impact = null, int? Ease = null, string? Pro = null, string? Con = null, bool Chosen = false);
