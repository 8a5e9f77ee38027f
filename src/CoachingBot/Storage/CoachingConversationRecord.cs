using CoachingBot.Sessions;

namespace CoachingBot.Storage;

/// <summary>
/// A <see cref="CoachingConversation"/> as one row. The parts with a shape of their own (answers, goal, options,
/// ratings) are JSON text: they are always read and written with the whole conversation and never queried, so
/// tables of their own would add joins and migrations for nothing.
/// </summary>
internal sealed class CoachingConversationRecord
{
    /// <summary>Room for every <see cref="ConversationStatus"/> name, and longer ones added later.</summary>
    public const int MaxStatusLength = 32;

    public Guid Id { get; set; }
    public required string OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public required string ChatId { get; set; }
    public required string ModelId { get; set; }
    public ConversationStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? PresentingNeed { get; set; }
    public string? TimeAvailable { get; set; }

    /// <summary>A JSON object: stage id to answer.</summary>
    public required string AnswersJson { get; set; }

    /// <summary>A <see cref="GoalDraft"/> as JSON; null until the client sets a goal.</summary>
    public string? GoalJson { get; set; }

    /// <summary>A JSON array of <see cref="OptionItem"/>.</summary>
    public required string OptionsJson { get; set; }

    public string? ContractCheck { get; set; }
    public DateOnly? FollowUpOn { get; set; }

    /// <summary>A JSON object: FIRST factor id to rating.</summary>
    public required string FirstRatingsJson { get; set; }

    public string? FirstComment { get; set; }
}
