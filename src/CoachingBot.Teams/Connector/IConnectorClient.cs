using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API for one service URL. Every call returns a <see cref="ConnectorResult"/>:
/// transient failures are retried inside; what is left (throttled, recipient gone, failed) is for the caller to act on.
/// </summary>
public interface IConnectorClient
{
    /// <summary>The service URL this client talks to.</summary>
    Uri ServiceUrl { get; }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>.</summary>
    Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces a message, such as a card.</summary>
    Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations</c>: opens (or finds) a conversation, such as a 1:1 chat with a user.</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/pagedmembers</c>.</summary>
    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default);
}

/// <summary>Makes connector clients for the service URLs activities arrive with.</summary>
public interface IConnectorClientFactory
{
    /// <summary>A client for <paramref name="serviceUrl"/>.</summary>
    IConnectorClient Create(string serviceUrl);
}
