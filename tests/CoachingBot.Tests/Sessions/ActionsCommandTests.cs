using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary><c>actions</c>: the client's open actions, and changing their status by card, for their own actions only.</summary>
public sealed class ActionsCommandTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private IActionStore ActionStore => fixture.App.Services.GetRequiredService<IActionStore>();

    [Fact]
    public async Task Actions_ListsOpenActions_AndChangesTheirStatus()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        await Transcript.RunAsync(chat, ("actions", ["You have 2 open actions"]));
        Assert.Contains("Email my manager about a mentor", TeamsChat.Content(chat.Replies[^1]), StringComparison.Ordinal);
        var open = await ActionStore.ListOpenAsync(chat.UserId);
        var first = open[0];

        var submit = new Dictionary<string, string>
        {
            ["card"] = "actionList",
            [ActionListCard.StatusPrefix + first.Id.ToString("N")] = "Done",
            [ActionListCard.StatusPrefix + open[1].Id.ToString("N")] = "InProgress",
        };
        await Transcript.RunAsync(chat, (new CardSubmit(submit), ["2 actions updated", "Book an hour with Sam"]));

        var after = await ActionStore.ListOpenAsync(chat.UserId);
        Assert.Equal([open[1].Id], after.Select(a => a.Id));
        Assert.Equal(ActionStatus.InProgress, after[0].Status);
    }

    [Fact]
    public async Task Actions_RefusesToChangeAnotherUsersAction_WithoutRevealingIt()
    {
        using var owner = fixture.App.Chat();
        await Transcript.RunAsync(owner, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        var theirs = (await ActionStore.ListOpenAsync(owner.UserId))[0];

        using var other = fixture.App.Chat();
        var submit = new Dictionary<string, string> { ["card"] = "actionList", [ActionListCard.StatusPrefix + theirs.Id.ToString("N")] = "Dropped" };
        await Transcript.RunAsync(other, ("actions", [ActionsCommand.NoOpenActions]), (new CardSubmit(submit), ["0 of 1 updated"]));

        Assert.Contains(await ActionStore.ListOpenAsync(owner.UserId), a => a.Id == theirs.Id && a.Status == ActionStatus.Open);
    }

    [Theory]
    [InlineData("status.not-a-guid", "Done", "don't know")]
    [InlineData("status.0f8fad5bd9cb469fa16570867728950e", "Finished", "Status must be one of")]
    public async Task Actions_ExplainsAWrongSubmit_AndChangesNothing(string field, string value, string reason)
    {
        using var chat = fixture.App.Chat();
        var submit = new Dictionary<string, string> { ["card"] = "actionList", [field] = value };
        await Transcript.RunAsync(chat, (new CardSubmit(submit), [reason]));
    }
}
