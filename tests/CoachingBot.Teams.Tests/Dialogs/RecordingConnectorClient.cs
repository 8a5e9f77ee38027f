using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>A connector that accepts everything and keeps what was sent, in order.</summary>
internal sealed class RecordingConnectorClient : IConnectorClient
{
    private int _nextId;

    public List<Activity> Sent { get; } = [];

    public Uri ServiceUrl { get; } = new("https://smba.example.test/");

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        Record(activity);

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Record(activity);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Record(activity);

    public Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectorResult(ConnectorOutcome.Succeeded));

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private Task<ConnectorResult<ResourceResponse>> Record(Activity activity)
    {
        Sent.Add(activity);
        var id = $"bot-{Interlocked.Increment(ref _nextId)}";
        return Task.FromResult(new ConnectorResult<ResourceResponse>(ConnectorOutcome.Succeeded, new ResourceResponse { Id = id }));
    }
}
