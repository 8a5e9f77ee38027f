using CoachingBot.Teams.Hosting;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://127.0.0.2:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://10.0.0.5:3978", false)]
    [InlineData("http://bot.example.com:80", false)]
    [InlineData("not a url", false)]
    public void AllLoopback_TellsLoopbackFromReachable_ForEachAddressForm(string address, bool expected)
    {
        Assert.Equal(expected, LoopbackGuard.AllLoopback(["http://127.0.0.1:1", address], out var offending));
        Assert.Equal(expected ? null : address, offending);
    }
}
