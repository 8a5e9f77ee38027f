using CoachingBot.Sessions;

namespace CoachingBot.Storage;

/// <summary>An <see cref="ActionItem"/> as one row; deleted with the conversation it came from.</summary>
internal sealed class ActionItemRecord
{
    /// <summary>What the client will do, and the support they need: a line each on the actions card.</summary>
    public const int MaxWhatLength = 300;
    public const int MaxSupportLength = 300;

    /// <summary>Room for every <see cref="ActionStatus"/> name, and longer ones added later.</summary>
    public const int MaxStatusLength = 32;

    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public required string OwnerUserId { get; set; }
    public required string What { get; set; }
    public DateOnly ByWhen { get; set; }
    public string? Support { get; set; }
    public int Confidence { get; set; }
    public ActionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
