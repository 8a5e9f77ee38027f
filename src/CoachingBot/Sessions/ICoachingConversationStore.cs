namespace CoachingBot.Sessions;

/// <summary>Keeps coaching conversations. Implementations live in Storage; this interface carries no storage types.</summary>
public interface ICoachingConversationStore
{
    /// <summary>Inserts or replaces the conversation with this id.</summary>
    Task SaveAsync(CoachingConversation conversation, CancellationToken cancellationToken = default);

    Task<CoachingConversation?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The owner's most recently updated conversation in this chat that is Active or Draft, if any.</summary>
    Task<CoachingConversation?> FindUnfinishedAsync(string ownerUserId, string chatId, CancellationToken cancellationToken = default);

    /// <summary>The owner's conversations, most recent first.</summary>
    Task<IReadOnlyList<CoachingConversation>> ListAsync(string ownerUserId, CancellationToken cancellationToken = default);

    /// <summary>Turns Active conversations not updated since <paramref name="idleSince"/> into drafts; returns how many.</summary>
    Task<int> MarkIdleAsDraftsAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default);
}

/// <summary>Keeps the actions clients agree to.</summary>
public interface IActionStore
{
    /// <summary>Inserts the actions, or replaces those with the same id.</summary>
    Task SaveAsync(IEnumerable<ActionItem> actions, CancellationToken cancellationToken = default);

    /// <summary>The owner's actions that are Open or InProgress, soonest first.</summary>
    Task<IReadOnlyList<ActionItem>> ListOpenAsync(string ownerUserId, CancellationToken cancellationToken = default);

    /// <summary>The actions recorded from one conversation.</summary>
    Task<IReadOnlyList<ActionItem>> ListForConversationAsync(Guid conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes an action's status if <paramref name="ownerUserId"/> owns it; false when there is no such action for
    /// that owner (another user's action is treated as not found, so its existence is not revealed).
    /// </summary>
    Task<bool> SetStatusAsync(Guid actionId, string ownerUserId, ActionStatus status, CancellationToken cancellationToken = default);
}
