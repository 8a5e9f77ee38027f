using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Sessions;

/// <summary><c>history</c>: the client's past conversations, and each one's summary card again, for their own only.</summary>
public sealed class HistoryCommandTests(BotAppFixture fixture) : IClassFixture<BotAppFixture>
{
    private ICoachingConversationStore Conversations => fixture.App.Services.GetRequiredService<ICoachingConversationStore>();

    [Fact]
    public async Task History_ListsPastConversations_AndShowsTheChosenSummaryAgain()
    {
        using var chat = fixture.App.Chat();
        await Transcript.RunAsync(chat, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        var finished = Assert.Single(await Conversations.ListAsync(chat.UserId));

        await Transcript.RunAsync(chat, ("history", [SessionReplies.ConversationsOne]));
        var list = TeamsChat.Content(chat.Replies[^1]);
        Assert.Contains("GROW", list, StringComparison.Ordinal);
        Assert.Contains("Lead my team through the reorganisation with confidence", list, StringComparison.Ordinal);
        Assert.Contains(HistoryCard.OpenTitle, list, StringComparison.Ordinal);

        var open = new Dictionary<string, string> { ["card"] = CardKinds.History, [HistoryCard.ConversationField] = finished.Id.ToString("N") };
        await Transcript.RunAsync(chat, (new CardSubmit(open), ["Your GROW conversation"]));
        Assert.Contains("Email my manager about a mentor", TeamsChat.Content(chat.Replies[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_RefusesAnotherUsersConversation_WhateverTheCardSays()
    {
        using var owner = fixture.App.Chat();
        await Transcript.RunAsync(owner, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        var theirs = Assert.Single(await Conversations.ListAsync(owner.UserId));

        using var other = fixture.App.Chat();
        var open = new Dictionary<string, string> { ["card"] = CardKinds.History, [HistoryCard.ConversationField] = theirs.Id.ToString("N") };
        await Transcript.RunAsync(other, ("history", [HistoryCommand.NoConversations]), (new CardSubmit(open), [HistoryCommand.NotFound]));
    }

    [Fact]
    public async Task History_InAGroupChat_PointsToThePersonalChat_AndShowsNoSummary()
    {
        using var personal = fixture.App.Chat();
        await Transcript.RunAsync(personal, [.. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding()]);
        var mine = Assert.Single(await Conversations.ListAsync(personal.UserId));

        using var group = fixture.App.Chat(ChatKind.Group);
        group.UserId = personal.UserId;
        var open = new Dictionary<string, string> { ["card"] = CardKinds.History, [HistoryCard.ConversationField] = mine.Id.ToString("N") };
        await Transcript.RunAsync(group, ("history", [HistoryCommand.PersonalChatOnly]), (new CardSubmit(open), [HistoryCommand.PersonalChatOnly]));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    public async Task History_SaysNotFound_WhenTheCardNamesNoConversationOfTheirs(string id)
    {
        using var chat = fixture.App.Chat();
        var open = new Dictionary<string, string> { ["card"] = CardKinds.History, [HistoryCard.ConversationField] = id };
        await Transcript.RunAsync(chat, (new CardSubmit(open), [HistoryCommand.NotFound]));
    }
}
