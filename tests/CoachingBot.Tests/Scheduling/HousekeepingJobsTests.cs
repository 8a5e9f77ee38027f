using CoachingBot.Chat;
using CoachingBot.Scheduling;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoachingBot.Tests.Scheduling;

public sealed class HousekeepingJobsTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    [Theory]
    [InlineData(TurnJournalPruner.JobName)]
    [InlineData(IdleConversationSweeper.JobName)]
    public async Task AddCoachingBot_SchedulesHousekeepingJob_HourlyNeverOverlappingAndOnceForMissedRuns(string name)
    {
        var scheduler = await fixture.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(
            await scheduler.GetTrigger(new TriggerKey(name, SchedulingExtensions.RecurringGroup)));
        Assert.Equal(TimeSpan.FromHours(1), trigger.RepeatInterval);
        Assert.Equal(SchedulingExtensions.RecurringMisfirePolicy, trigger.MisfireInstruction);
        var job = await scheduler.GetJobDetail(trigger.JobKey);
        Assert.True(job?.ConcurrentExecutionDisallowed);
    }
}
