using CoachingBot.Teams.Connector;

namespace CoachingBot.Teams.Tests.Connector;

/// <summary>Hands out the given tokens in turn, repeating the last; counts the calls.</summary>
public sealed class FakeAccessTokenProvider(params string?[] tokens) : IAccessTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Exception? Failure { get; set; }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Failure is not null)
        {
            return ValueTask.FromException<string?>(Failure);
        }

        return ValueTask.FromResult(tokens.Length == 0 ? null : tokens[Math.Min(call, tokens.Length) - 1]);
    }
}
