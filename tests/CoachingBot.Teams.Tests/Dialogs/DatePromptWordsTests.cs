using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>Dates as people type them, through the prompt, with the clock fixed and the user's zone given.</summary>
public sealed class DatePromptWordsTests
{
    private const string Ask = "When shall we check in?";
    private const string London = "Europe/London";
    private const string NewYork = "America/New_York";

    // Monday 2 March 2026: 12:00 in London, 07:00 in New York.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    // Sunday 8 March 2026, midday in both zones: the first day of the week in en-US, the last in en-GB.
    private static readonly DateTimeOffset Sunday = new(2026, 3, 8, 17, 0, 0, TimeSpan.Zero);

    // Wednesday 30 December 2026: most "later" dates fall in the next year.
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("today", "2026-03-02")]
    [InlineData("tomorrow", "2026-03-03")]
    [InlineData("Tomorrow!", "2026-03-03")]
    [InlineData("the day after tomorrow", "2026-03-04")]
    [InlineData("Friday", "2026-03-06")]
    [InlineData("on Friday", "2026-03-06")]
    [InlineData("this Friday", "2026-03-06")]
    [InlineData("Fri", "2026-03-06")]
    [InlineData("Monday", "2026-03-09")] // today is Monday: a bare day name is the next one
    [InlineData("this Monday", "2026-03-02")]
    [InlineData("next Friday", "2026-03-13")] // Friday of next week
    [InlineData("Friday next week", "2026-03-13")]
    [InlineData("next Monday", "2026-03-09")]
    [InlineData("in 3 days", "2026-03-05")]
    [InlineData("3 days", "2026-03-05")]
    [InlineData("in a week", "2026-03-09")]
    [InlineData("in two weeks", "2026-03-16")]
    [InlineData("in 2 weeks", "2026-03-16")]
    [InlineData("in two weeks' time", "2026-03-16")]
    [InlineData("in a couple of weeks", "2026-03-16")]
    [InlineData("in a fortnight", "2026-03-16")]
    [InlineData("in one month", "2026-04-02")]
    [InlineData("end of the month", "2026-03-31")]
    [InlineData("by the end of the month", "2026-03-31")]
    [InlineData("end of month", "2026-03-31")]
    [InlineData("end of next month", "2026-04-30")]
    [InlineData("end of the week", "2026-03-06")] // its Friday
    [InlineData("end of next week", "2026-03-13")]
    [InlineData("11/12", "2026-12-11")] // day first in en-GB
    [InlineData("5/3", "2026-03-05")]
    [InlineData("2/3", "2026-03-02")] // today counts
    [InlineData("1/3", "2027-03-01")] // yesterday's day and month: next year's
    [InlineData("12 December", "2026-12-12")]
    [InlineData("12th December", "2026-12-12")]
    [InlineData("the 12th of December", "2026-12-12")]
    [InlineData("December 12", "2026-12-12")]
    [InlineData("Dec 12", "2026-12-12")]
    [InlineData("12 Dec.", "2026-12-12")]
    [InlineData("Saturday 12 December", "2026-12-12")]
    [InlineData("12 December 2026", "2026-12-12")]
    [InlineData("1 March", "2027-03-01")]
    [InlineData("29 February", "2028-02-29")] // the next 29 February is in a leap year
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("01/04/26", "2026-04-01")]
    public async Task DatePrompt_ReadsDatesInWords_ForEnGb(string answer, string expected)
    {
        Assert.Equal($"Done: \"{expected}\"", await AnswerAsync("en-GB", London, Monday, answer));
    }

    [Theory]
    [InlineData("11/12", "2026-11-12")] // month first in en-US
    [InlineData("3/5", "2026-03-05")]
    [InlineData("3/2", "2026-03-02")]
    [InlineData("3/1", "2027-03-01")]
    [InlineData("12/11", "2026-12-11")]
    [InlineData("Dec 12", "2026-12-12")]
    [InlineData("December 12th, 2026", "2026-12-12")]
    [InlineData("12 December", "2026-12-12")]
    [InlineData("tomorrow", "2026-03-03")]
    [InlineData("next Friday", "2026-03-13")]
    [InlineData("in 3 days", "2026-03-05")]
    [InlineData("end of the month", "2026-03-31")]
    [InlineData("4/1/2026", "2026-04-01")]
    public async Task DatePrompt_ReadsDatesInWords_ForEnUs(string answer, string expected)
    {
        Assert.Equal($"Done: \"{expected}\"", await AnswerAsync("en-US", NewYork, Monday, answer));
    }

    [Theory]
    [InlineData("en-GB", London, "next Friday", "2026-03-13")] // the week of Monday 9 March
    [InlineData("en-US", NewYork, "next Friday", "2026-03-20")] // Sunday starts this week: next week is 15 to 21 March
    [InlineData("en-GB", London, "Friday", "2026-03-13")]
    [InlineData("en-US", NewYork, "Friday", "2026-03-13")]
    [InlineData("en-GB", London, "end of next week", "2026-03-13")]
    [InlineData("en-US", NewYork, "end of next week", "2026-03-20")]
    public async Task DatePrompt_CountsWeeksFromTheLocalesFirstDay_OnASunday(string locale, string zone, string answer, string expected)
    {
        Assert.Equal($"Done: \"{expected}\"", await AnswerAsync(locale, zone, Sunday, answer));
    }

    [Theory]
    [InlineData("tomorow", "2026-03-03")]
    [InlineData("tommorrow", "2026-03-03")]
    [InlineData("tmrw", "2026-03-03")]
    [InlineData("nxt friday", "2026-03-13")]
    [InlineData("next fridya", "2026-03-13")]
    [InlineData("wendesday", "2026-03-04")]
    [InlineData("12 Decmber", "2026-12-12")]
    [InlineData("Decemebr 12", "2026-12-12")]
    [InlineData("in two weks", "2026-03-16")]
    [InlineData("end of the mnth", "2026-03-31")]
    [InlineData("in thre days", "2026-03-05")]
    public async Task DatePrompt_ForgivesSmallTypos(string answer, string expected)
    {
        Assert.Equal($"Done: \"{expected}\"", await AnswerAsync("en-GB", London, Monday, answer));
    }

    [Theory]
    [InlineData("en-GB", "in 3 days", "2027-01-02")]
    [InlineData("en-GB", "tomorrow", "2026-12-31")]
    [InlineData("en-GB", "end of the month", "2026-12-31")]
    [InlineData("en-GB", "end of next month", "2027-01-31")]
    [InlineData("en-GB", "next Friday", "2027-01-08")]
    [InlineData("en-GB", "2 January", "2027-01-02")]
    [InlineData("en-GB", "1/2", "2027-02-01")]
    [InlineData("en-US", "1/2", "2027-01-02")]
    [InlineData("en-GB", "31 December", "2026-12-31")]
    [InlineData("en-GB", "29 December", "2027-12-29")]
    public async Task DatePrompt_RollsIntoTheNextYear_AtTheEndOfTheYear(string locale, string answer, string expected)
    {
        Assert.Equal($"Done: \"{expected}\"", await AnswerAsync(locale, locale == "en-US" ? NewYork : London, NewYearsEve, answer));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("12 December 2025")]
    [InlineData("Dec 1, 2025")]
    public async Task DatePrompt_RefusesPastDatesInWords_WhenNotBeforeToday(string answer)
    {
        var host = Host("en-GB", London, Monday, new DatePromptOptions { Prompt = MessageFactory.Text(Ask), NotBeforeToday = true });
        await host.SayAsync("start");

        Assert.Equal(Said.Format(PromptTexts.DateInPast, "Monday, 2 March 2026") + " / " + Ask, await host.SayAsync(answer));
        Assert.Equal("Done: \"2026-03-13\"", await host.SayAsync("next Friday"));
    }

    [Theory]
    [InlineData("en-GB", "next week", "09/03/2026")]
    [InlineData("en-GB", "soon", "09/03/2026")]
    [InlineData("en-GB", "whenever suits", "09/03/2026")]
    [InlineData("en-GB", "banana", "09/03/2026")]
    [InlineData("en-GB", "32 December", "09/03/2026")]
    [InlineData("en-GB", "31/2", "09/03/2026")]
    [InlineData("en-GB", "13/13", "09/03/2026")]
    [InlineData("en-GB", "December", "09/03/2026")]
    [InlineData("en-GB", "Friday December", "09/03/2026")]
    [InlineData("en-GB", "jule 4", "09/03/2026")] // June or July? Neither is guessed.
    [InlineData("en-GB", "in 0 days", "09/03/2026")]
    [InlineData("en-GB", "12 13", "09/03/2026")]
    [InlineData("en-GB", "next next Friday", "09/03/2026")]
    [InlineData("en-US", "13/12", "3/9/2026")]
    [InlineData("en-US", "the end", "3/9/2026")]
    public async Task DatePrompt_RefusesNonsense_AndAsksAgain(string locale, string answer, string example)
    {
        var host = Host(locale, locale == "en-US" ? NewYork : London, Monday, new DatePromptOptions { Prompt = MessageFactory.Text(Ask) });
        await host.SayAsync("start");

        Assert.Equal(
            Said.Format(PromptTexts.NotADate, example) + " / " + Ask,
            await host.SayAsync(answer));
        Assert.Equal("Done: \"2026-03-03\"", await host.SayAsync("tomorrow"));
    }

    [Fact]
    public async Task DatePrompt_ReadsMonthNamesInTheUsersLanguage()
    {
        Assert.Equal("Done: \"2026-12-12\"", await AnswerAsync("de-DE", "Europe/Berlin", Monday, "12. Dezember"));
    }

    private static async Task<string> AnswerAsync(string locale, string zone, DateTimeOffset now, string answer)
    {
        var host = Host(locale, zone, now, new DatePromptOptions { Prompt = MessageFactory.Text(Ask) });
        Assert.Equal(Ask, await host.SayAsync("start"));
        return await host.SayAsync(answer);
    }

    private static DialogTestHost Host(string locale, string zone, DateTimeOffset now, DatePromptOptions options)
    {
        var clock = new FakeTimeProvider(now);
        var host = DialogTestHost.ForPrompt(() => new DatePrompt("date", clock), options);
        host.Locale = locale;
        host.LocalTimezone = zone;
        return host;
    }
}
