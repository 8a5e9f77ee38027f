using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class TypoToleranceTests
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["june"] = 6,
        ["july"] = 7,
        ["december"] = 12,
        ["in"] = 0,
    };

    [Theory]
    [InlineData("december", 12)] // exact
    [InlineData("decmber", 12)] // a letter missing
    [InlineData("deceember", 12)] // a letter extra
    [InlineData("decenber", 12)] // a letter wrong
    [InlineData("decemebr", 12)] // two letters swapped
    [InlineData("dcmber", 12)] // two slips in a long word
    [InlineData("junee", 6)]
    public void TryMatch_FindsTheWord_WithinTheSlipsItsLengthAllows(string typed, int expected)
    {
        Assert.True(TypoTolerance.TryMatch(typed, Months, out var month));
        Assert.Equal(expected, month);
    }

    [Theory]
    [InlineData("jule")] // June or July: equally near, so neither
    [InlineData("jvne7")] // two slips in a four-letter word
    [InlineData("on")] // short words must be exact
    [InlineData("dcmbr")] // three slips
    public void TryMatch_Refuses_WhenNoWordIsNearEnoughOrTwoAre(string typed)
    {
        Assert.False(TypoTolerance.TryMatch(typed, Months, out _));
    }
}
