using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary>A second conversation opens with the last goal and the open actions, and updates their status there and then.</summary>
public sealed class RecapDialogTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private IActionStore Actions => fixture.App.Services.GetRequiredService<IActionStore>();

    [Fact]
    public async Task SecondConversation_OpensWithTheLastGoalAndActions_AndSavesTheirStatus()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        var open = await Actions.ListOpenAsync(chat.UserId);
        Assert.Equal(2, open.Count);

        await Transcript.RunAsync(
            chat,
            ("egan", [RecapDialog.LastGoal(SessionWalkGoal()), RecapDialog.HowDidItGo(open[0].What, open[0].ByWhen)]),
            ("done", [RecapDialog.HowDidItGo(open[1].What, open[1].ByWhen)]),
            ("In progress", [RecapDialog.Noted([(open[0].What, RecapDialog.Done), (open[1].What, RecapDialog.InProgress)]), CoachingModels.Egan.AConversation, ConversationFrame.PresentingNeedQuestion]));

        var after = await Actions.ListForConversationAsync(open[0].ConversationId);
        Assert.Equal(ActionStatus.Done, after.Single(a => a.Id == open[0].Id).Status);
        Assert.Equal(ActionStatus.InProgress, after.Single(a => a.Id == open[1].Id).Status);
    }

    [Fact]
    public async Task FirstConversation_OpensWithoutARecap_WhenThereIsNothingToReview()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, SessionWalk.Beginning(CoachingModels.Grow)[0]);
    }

    [Fact]
    public async Task Recap_AsksAboutTheFirstActionsOnly_AndLeavesTheRestForTheActionsCommand()
    {
        using var chat = fixture.App.Chat();
        var now = DateTimeOffset.UnixEpoch;
        var conversation = Guid.NewGuid();
        await fixture.App.Services.GetRequiredService<ICoachingConversationStore>().SaveAsync(new CoachingConversation
        {
            Id = conversation,
            OwnerUserId = chat.UserId,
            ChatId = "a:another-chat",
            ModelId = CoachingModels.Egan.Id,
            Status = ConversationStatus.Completed,
            StartedAt = now,
            UpdatedAt = now,
        });
        await Actions.SaveAsync(Enumerable.Range(0, RecapDialog.MaxAsked + 1).Select(i => new ActionItem
        {
            Id = Guid.NewGuid(),
            ConversationId = conversation,
            OwnerUserId = chat.UserId,
            What = $"Action {i}",
            ByWhen = new DateOnly(2099, 1, 1 + i),
            Confidence = 7,
            Status = ActionStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        }));

        await Transcript.RunAsync(
            chat,
            ("grow", [RecapDialog.AndMore(1), RecapDialog.HowDidItGo("Action 0", new DateOnly(2099, 1, 1))]),
            ("Dropped", ["Action 1"]),
            ("Still open", ["Action 2"]),
            ("Done", [RecapDialog.Noted([("Action 0", RecapDialog.Dropped), ("Action 1", RecapDialog.StillOpen), ("Action 2", RecapDialog.Done)]), CoachingModels.Grow.AConversation, ConversationFrame.PresentingNeedQuestion]));

        var open = await Actions.ListOpenAsync(chat.UserId);
        Assert.Equal(["Action 1", "Action 3"], open.Select(a => a.What));
    }

    private static GoalDraft SessionWalkGoal() => new("Lead my team through the reorganisation with confidence", null, null, null, null, new DateOnly(2026, 6, 30));
}
