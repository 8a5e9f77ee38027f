using CoachingBot.Teams.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using AuthClock = CoachingBot.Teams.Tests.Auth.FakeTimeProvider;

namespace CoachingBot.Teams.Tests.Connector.Tokens;

public sealed class CachedTokenSourceTests
{
    private static readonly DateTimeOffset Now = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly AuthClock _clock = new(Now);
    private int _calls;

    [Fact]
    public async Task GetTokenAsync_ReturnsCachedTokenSynchronously_WhileFarFromExpiry()
    {
        var source = Create(_ => Task.FromResult(Issue(Now.AddHours(1))));
        Assert.Equal("token-1", await source.GetTokenAsync());

        var hotPath = source.GetTokenAsync();

        Assert.True(hotPath.IsCompletedSuccessfully);
        Assert.Equal("token-1", await hotPath);
        Assert.Equal(1, _calls);
    }

    [Theory]
    [InlineData(55 * 60, false)]
    [InlineData(5 * 60 + 1, false)]
    [InlineData(5 * 60, true)] // exactly at the refresh margin
    [InlineData(60, true)]
    [InlineData(-60, true)] // already expired
    public async Task GetTokenAsync_Refreshes_OnlyWithinFiveMinutesOfExpiry(int secondsLeft, bool refreshes)
    {
        var expiresOn = Now.AddHours(1);
        var source = Create(_ => Task.FromResult(Issue(expiresOn)));
        await source.GetTokenAsync();

        _clock.Advance(expiresOn - Now - TimeSpan.FromSeconds(secondsLeft));
        var token = await source.GetTokenAsync();

        Assert.Equal(refreshes ? "token-2" : "token-1", token);
        Assert.Equal(refreshes ? 2 : 1, _calls);
    }

    [Fact]
    public async Task GetTokenAsync_RunsOneRefresh_WhenManyCallersArriveAtOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = Create(async _ =>
        {
            await release.Task;
            return Issue(Now.AddHours(1));
        });

        var callers = Enumerable.Range(0, 8).Select(_ => source.GetTokenAsync().AsTask()).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task GetTokenAsync_KeepsUsingCurrentToken_WhenRefreshFailsBeforeExpiry()
    {
        var fail = false;
        var source = Create(_ => fail ? throw new HttpRequestException("issuer down") : Task.FromResult(Issue(Now.AddHours(1))));
        await source.GetTokenAsync();

        fail = true;
        _clock.Advance(TimeSpan.FromMinutes(57));

        Assert.Equal("token-1", await source.GetTokenAsync());
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task GetTokenAsync_Throws_WhenRefreshFailsAndTokenHasExpired()
    {
        var fail = false;
        var source = Create(_ => fail ? throw new HttpRequestException("issuer down") : Task.FromResult(Issue(Now.AddHours(1))));
        await source.GetTokenAsync();

        fail = true;
        _clock.Advance(TimeSpan.FromMinutes(61));

        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetTokenAsync().AsTask());
    }

    [Fact]
    public async Task GetTokenAsync_Throws_WhenFirstAcquisitionFails()
    {
        var source = Create(_ => throw new HttpRequestException("issuer down"));

        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetTokenAsync().AsTask());
    }

    [Fact]
    public async Task GetTokenAsync_TriesAgain_AfterAFailedFirstAcquisition()
    {
        var fail = true;
        var source = Create(_ => fail ? throw new HttpRequestException("issuer down") : Task.FromResult(Issue(Now.AddHours(1))));
        await Assert.ThrowsAsync<HttpRequestException>(() => source.GetTokenAsync().AsTask());

        fail = false;

        Assert.Equal("token-2", await source.GetTokenAsync());
    }

    private CachedTokenSource Create(Func<CancellationToken, Task<IssuedToken>> acquire) =>
        new(ct =>
        {
            Interlocked.Increment(ref _calls);
            return acquire(ct);
        }, _clock, NullLogger.Instance);

    private IssuedToken Issue(DateTimeOffset expiresOn) => new($"token-{Volatile.Read(ref _calls)}", expiresOn);
}
