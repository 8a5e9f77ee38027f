using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class ConversationSerializerTests
{
    [Fact]
    public async Task RunAsync_RunsOneAtATimeInArrivalOrder_WhenSameConversation()
    {
        var serializer = new ConversationSerializer();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<int>();
        var running = 0;
        var maxRunning = 0;

        async Task<int> Work(int n)
        {
            var now = Interlocked.Increment(ref running);
            lock (order)
            {
                maxRunning = Math.Max(maxRunning, now);
                order.Add(n);
            }

            if (n == 0)
            {
                await gate.Task;
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
            return n;
        }

        var tasks = Enumerable.Range(0, 20).Select(n => serializer.RunAsync("a:1", () => Work(n))).ToArray();
        Assert.Single(order);
        gate.SetResult();
        await Task.WhenAll(tasks);

        Assert.Equal(1, maxRunning);
        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.Equal(0, serializer.ActiveConversations);
    }

    [Fact]
    public async Task RunAsync_RunsInParallel_WhenDifferentConversations()
    {
        var serializer = new ConversationSerializer();
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;

        async Task<bool> Work()
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            // Each waits for the other: this completes only if both run at once.
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return true;
        }

        var results = await Task.WhenAll(serializer.RunAsync("a:1", Work), serializer.RunAsync("a:2", Work));
        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task RunAsync_ReleasesLane_WhenWorkThrows()
    {
        var serializer = new ConversationSerializer();
        await Assert.ThrowsAsync<InvalidOperationException>(() => serializer.RunAsync<int>("a:1", () => throw new InvalidOperationException()));
        Assert.Equal(7, await serializer.RunAsync("a:1", () => Task.FromResult(7)));
        Assert.Equal(0, serializer.ActiveConversations);
    }
}
