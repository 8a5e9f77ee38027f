namespace CoachingBot.Teams.Hosting;

/// <summary>
/// Runs work for one conversation one item at a time, in arrival order, while different conversations run in
/// parallel. A lane exists only while it has work, so idle conversations cost nothing.
/// </summary>
public sealed class ConversationSerializer
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Queues <paramref name="work"/> behind the conversation's earlier work. The place in the queue is taken
    /// before this method returns, so calls made in order run in order.
    /// </summary>
    public Task<T> RunAsync<T>(string conversationId, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lane = Enter(conversationId);
        var turn = lane.Semaphore.WaitAsync();
        return RunInLaneAsync(conversationId, lane, turn, work);
    }

    /// <summary>The number of conversations with queued or running work.</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    private async Task<T> RunInLaneAsync<T>(string conversationId, Lane lane, Task turn, Func<Task<T>> work)
    {
        try
        {
            await turn.ConfigureAwait(false);
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                lane.Semaphore.Release();
            }
        }
        finally
        {
            Leave(conversationId, lane);
        }
    }

    private Lane Enter(string conversationId)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(conversationId, out var lane))
            {
                lane = new Lane();
                _lanes[conversationId] = lane;
            }

            lane.Users++;
            return lane;
        }
    }

    private void Leave(string conversationId, Lane lane)
    {
        lock (_gate)
        {
            if (--lane.Users == 0)
            {
                _lanes.Remove(conversationId);
                lane.Semaphore.Dispose();
            }
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
