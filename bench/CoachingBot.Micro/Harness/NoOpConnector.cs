using System.Collections.Concurrent;
using System.Globalization;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Micro.Harness;

/// <summary>
/// A Bot Connector that accepts every call at once and keeps only what a walk needs to go on (the last card's id and
/// text per conversation), so that a benchmark's memory does not grow with its invocations.
/// </summary>
internal sealed class NoOpConnector : IConnectorClientFactory, IConnectorClient
{
    private readonly ConcurrentDictionary<string, ConversationLog> _logs = new(StringComparer.Ordinal);
    private long _nextId;

    public Uri ServiceUrl { get; } = new(BotHarness.ServiceUrl);

    public IConnectorClient Create(string serviceUrl) => this;

    /// <summary>What the bot has sent to <paramref name="conversationId"/>.</summary>
    public ConversationLog Log(string conversationId) => _logs.GetOrAdd(conversationId, _ => new ConversationLog());

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(conversationId, activity));

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(conversationId, activity));

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Log(conversationId).Updated(activityId);
        return Task.FromResult(new ConnectorResult<ResourceResponse>(ConnectorOutcome.Succeeded, new ResourceResponse { Id = activityId }));
    }

    public Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectorResult(ConnectorOutcome.Succeeded));

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectorResult<ConversationResourceResponse>(ConnectorOutcome.Succeeded, new ConversationResourceResponse { Id = "a:" + NextId() }));

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectorResult<PagedMembersResult>(ConnectorOutcome.Succeeded, new PagedMembersResult { Members = [] }));

    private ConnectorResult<ResourceResponse> Record(string conversationId, Activity activity)
    {
        var id = NextId();
        Log(conversationId).Add(id, activity);
        return new ConnectorResult<ResourceResponse>(ConnectorOutcome.Succeeded, new ResourceResponse { Id = id });
    }

    private string NextId() => "r" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    internal sealed class ConversationLog
    {
        private readonly Lock _gate = new();
        private int _count;
        private string? _lastText;
        private string? _lastCardId;
        private string? _lastUpdatedId;

        public int Count
        {
            get { lock (_gate) { return _count; } }
        }

        public string? LastText
        {
            get { lock (_gate) { return _lastText; } }
        }

        public string? LastCardId
        {
            get { lock (_gate) { return _lastCardId; } }
        }

        /// <summary>The id of the message the bot last replaced (a card swapped for its saved form).</summary>
        public string? LastUpdatedId
        {
            get { lock (_gate) { return _lastUpdatedId; } }
        }

        public void Updated(string id)
        {
            lock (_gate)
            {
                _lastUpdatedId = id;
            }
        }

        public void Add(string id, Activity activity)
        {
            lock (_gate)
            {
                _count++;
                _lastText = activity.Text ?? _lastText;
                if (activity.Attachments?.Any(a => a.ContentType == Attachment.AdaptiveCardContentType) == true)
                {
                    _lastCardId = id;
                }
            }
        }
    }
}
