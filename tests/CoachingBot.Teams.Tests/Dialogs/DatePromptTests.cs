using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class DatePromptTests
{
    private const string Ask = "When is the session?";
    private const string Auckland = "Pacific/Auckland";

    // 12:00 UTC on 4 March 2026 is 01:00 on 5 March in Auckland (NZDT, UTC+13): the two zones disagree on "today".
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en-GB", Auckland, "today", "Done: \"2026-03-05\"")]
    [InlineData("en-GB", Auckland, "Today.", "Done: \"2026-03-05\"")]
    [InlineData("en-GB", Auckland, "TOMORROW", "Done: \"2026-03-06\"")]
    [InlineData("en-GB", null, "today", "Done: \"2026-03-04\"")] // no zone: UTC
    [InlineData("en-GB", "Not/AZone", "today", "Done: \"2026-03-04\"")] // unknown zone: UTC
    [InlineData("en-GB", "../../../etc/passwd", "today", "Done: \"2026-03-04\"")] // not an IANA name: UTC
    [InlineData("en-GB", Auckland, "2026-04-01", "Done: \"2026-04-01\"")]
    [InlineData("en-GB", Auckland, "1/4/2026", "Done: \"2026-04-01\"")]
    [InlineData("en-GB", Auckland, "01/04/26", "Done: \"2026-04-01\"")]
    [InlineData("en-US", Auckland, "4/1/2026", "Done: \"2026-04-01\"")]
    [InlineData("de-DE", Auckland, "1.4.2026", "Done: \"2026-04-01\"")]
    public async Task DatePrompt_Accepts_ByLocaleAndZone(string? locale, string? zone, string answer, string expected)
    {
        var host = Host(new DatePromptOptions { Prompt = MessageFactory.Text(Ask) }, locale, zone);
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(expected, await host.SayAsync(answer));
    }

    // The example is a week after the user's today (5 March in Auckland), in their locale's short form.
    [Theory]
    [InlineData("en-GB", Auckland, "2026-02-30", "12/03/2026")]
    [InlineData("en-GB", Auckland, "next week", "12/03/2026")]
    [InlineData("en-GB", Auckland, "13/13/2026", "12/03/2026")]
    [InlineData("en-US", Auckland, "31/3/2026", "3/12/2026")]
    [InlineData(null, Auckland, "4/1/2026", "2026-03-12")] // without a locale only ISO is unambiguous
    public async Task DatePrompt_ExplainsWithAnExampleInTheUsersForm_WhenTheAnswerIsNoDate(string? locale, string? zone, string answer, string example)
    {
        var host = Host(new DatePromptOptions { Prompt = MessageFactory.Text(Ask) }, locale, zone);
        Assert.Equal(Ask, await host.SayAsync("start"));

        Assert.Equal(Said.Format(PromptTexts.NotADate, example) + " / " + Ask, await host.SayAsync(answer));
    }

    [Theory]
    [InlineData(Auckland, "2026-03-04", "past: Thursday, 5 March 2026")]
    [InlineData(Auckland, "2026-03-05", "Done: \"2026-03-05\"")]
    [InlineData(Auckland, "today", "Done: \"2026-03-05\"")]
    [InlineData(null, "2026-03-04", "Done: \"2026-03-04\"")] // in UTC it is still the 4th
    [InlineData(null, "2026-03-03", "past: Wednesday, 4 March 2026")]
    public async Task DatePrompt_RefusesPastDates_InTheUsersZone_WhenNotBeforeToday(string? zone, string answer, string expected)
    {
        var host = Host(new DatePromptOptions { Prompt = MessageFactory.Text(Ask), NotBeforeToday = true }, "en-GB", zone);
        await host.SayAsync("start");

        Assert.Equal(Expected(expected), await host.SayAsync(answer));
    }

    [Theory]
    [InlineData(false, "2026-03-31", "too early: Wednesday, 1 April 2026")]
    [InlineData(true, "2026-03-01", "too early: Wednesday, 1 April 2026")] // the later bound speaks
    [InlineData(false, "2026-04-01", "Done: \"2026-04-01\"")]
    public async Task DatePrompt_RefusesDatesBeforeNotBefore(bool notBeforeToday, string answer, string expected)
    {
        var options = new DatePromptOptions { Prompt = MessageFactory.Text(Ask), NotBefore = new DateOnly(2026, 4, 1), NotBeforeToday = notBeforeToday };
        var host = Host(options, "en-GB", Auckland);
        await host.SayAsync("start");

        Assert.Equal(Expected(expected), await host.SayAsync(answer));
    }

    /// <summary>"past: {today}" and "too early: {first date}" stand for the prompt's refusals, then the question again.</summary>
    private static string Expected(string row) => row switch
    {
        _ when row.StartsWith("past: ", StringComparison.Ordinal) => Said.Format(PromptTexts.DateInPast, row["past: ".Length..]) + " / " + Ask,
        _ when row.StartsWith("too early: ", StringComparison.Ordinal) => Said.Format(PromptTexts.DateTooEarly, row["too early: ".Length..]) + " / " + Ask,
        _ => row,
    };

    [Fact]
    public async Task DatePrompt_UsesClientInfoZone_WhenTheActivityHasNoLocalTimezone()
    {
        var host = Host(new DatePromptOptions { Prompt = MessageFactory.Text(Ask) }, "en-GB", zone: null);
        await host.SayAsync("start");
        var answer = host.MakeMessage("today");
        answer.Entities = [new ClientInfo { Type = ClientInfo.EntityType, Timezone = Auckland }];

        Assert.Equal("Done: \"2026-03-05\"", Transcript.Render(await host.SendActivityAsync(answer)));
    }

    [Theory]
    [InlineData(Auckland, null, Auckland)]
    [InlineData(null, "Europe/London", "Europe/London")]
    [InlineData(Auckland, "Europe/London", Auckland)] // the activity's own field first
    [InlineData("Mars/Olympus", "Europe/London", "Europe/London")]
    [InlineData("", "", "UTC")]
    [InlineData(null, null, "UTC")]
    public void TimeZoneOf_PrefersLocalTimezoneThenClientInfoThenUtc(string? localTimezone, string? clientInfoZone, string expected)
    {
        var activity = new Activity
        {
            LocalTimezone = localTimezone,
            Entities = clientInfoZone is null ? null : [new ClientInfo { Type = ClientInfo.EntityType, Timezone = clientInfoZone }],
        };

        var zone = UserClock.TimeZoneOf(activity);

        Assert.Equal(expected, zone == TimeZoneInfo.Utc ? "UTC" : zone.Id);
    }

    [Theory]
    [InlineData("2026-03-04T10:59:59Z", "2026-03-04")] // 23:59:59 NZDT
    [InlineData("2026-03-04T11:00:00Z", "2026-03-05")] // midnight NZDT
    [InlineData("2026-04-04T13:59:59Z", "2026-04-05")] // 02:59:59 NZDT, just before DST ends
    [InlineData("2026-04-05T11:59:59Z", "2026-04-05")] // 23:59:59 NZST (UTC+12)
    [InlineData("2026-04-05T12:00:00Z", "2026-04-06")]
    public void Today_FollowsTheUsersZone_AcrossMidnightAndDaylightSaving(string utc, string expected)
    {
        var activity = new Activity { LocalTimezone = Auckland };

        var today = UserClock.Today(activity, new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    private static DialogTestHost Host(DatePromptOptions options, string? locale, string? zone)
    {
        var clock = new FakeTimeProvider(Now);
        var host = DialogTestHost.ForPrompt(() => new DatePrompt("date", clock), options);
        host.Locale = locale;
        host.LocalTimezone = zone;
        return host;
    }
}
