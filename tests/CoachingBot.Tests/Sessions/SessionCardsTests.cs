using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Tests.Sessions;

/// <summary>Every card a coaching conversation sends: schema 1.5, Teams-safe, with the inputs its reader expects.</summary>
public sealed class SessionCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CardFormView View(IReadOnlyDictionary<string, string>? values = null) =>
        new(values ?? new Dictionary<string, string>(), new Dictionary<string, string>(), new CardFormPromptOptions());

    private static readonly CoachingConversation Finished = new()
    {
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        OwnerUserId = "29:client",
        ChatId = "a:1",
        ModelId = "grow",
        Status = ConversationStatus.Completed,
        StartedAt = Now,
        UpdatedAt = Now,
        PresentingNeed = "Clarity",
        Goal = new GoalDraft("Lead the team", null, null, null, null, new DateOnly(2026, 6, 30)),
        Answers = new Dictionary<string, string> { ["reality"] = new string('r', 400) },
        Options = [new OptionItem("Mentor", 4, 3, "Experience", "Time", Chosen: true), new OptionItem("Shadow", 3, 4)],
        FollowUpOn = new DateOnly(2026, 3, 20),
        FirstRatings = new Dictionary<string, int> { ["focus"] = 4, ["tactics"] = 5 },
        ContractCheck = "Partly",
        FirstComment = "Good to see it written down",
    };

    public static TheoryData<string, AdaptiveCard> Cards() => new()
    {
        { "goal form", GoalCard.Form(View()) },
        { "options list", OptionsCard.ListForm(View()) },
        { "options weigh", OptionsCard.WeighForm(View(OptionsCard.AsValues(["Mentor", "Shadow"]))) },
        { "options saved", OptionsCard.Saved(Finished.Options) },
        { "actions form", ActionsCard.Form(View()) },
        { "actions saved", ActionsCard.Saved([new ActionDraft("Email", new DateOnly(2026, 3, 6), null, 8)]) },
        { "first form", FirstCard.Form(View()) },
        { "first saved", FirstCard.Saved(new FirstRatings(new Dictionary<string, int> { ["focus"] = 4 }, "Good")) },
        { "summary", SummaryCard.Build(CoachingModels.Grow, Finished, []) },
        { "history", HistoryCard.Build([Finished, Finished with { Id = Guid.NewGuid(), Status = ConversationStatus.Draft }]) },
        { "action list", ActionListCard.Build([new ActionItem { Id = Guid.NewGuid(), ConversationId = Finished.Id, OwnerUserId = "29:client", What = "Email", ByWhen = new DateOnly(2026, 3, 6), Confidence = 8, Status = ActionStatus.InProgress, CreatedAt = Now, UpdatedAt = Now }]) },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_IsSchema15AndTeamsSafe(string name, AdaptiveCard card)
    {
        Assert.Empty(CardChecker.Check(card));
        var json = JsonNode.Parse(card.ToJson())!;
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void WeighForm_CarriesTheListedOptions_AndReadsThemBack()
    {
        var card = OptionsCard.WeighForm(View(OptionsCard.AsValues(["Mentor", "Shadow"])));
        var data = JsonNode.Parse(card.ToJson())!["actions"]![0]!["data"]!.AsObject();
        data["impact1"] = "4";
        data["ease1"] = "2";
        data["chosen1"] = "true";
        data["impact2"] = "1";
        data["ease2"] = "5";

        var read = OptionsCard.ReadWeighing(JsonSerializer.SerializeToElement(data));

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal([("Mentor", true), ("Shadow", false)], read.Value!.Select(o => (o.Text, o.Chosen)));
        Assert.Equal(2, read.Value![0].Ease);
    }

    [Fact]
    public void SummaryCard_ShowsChosenOptionsOnly_AndShortensLongAnswers()
    {
        var texts = SummaryCard.Build(CoachingModels.Grow, Finished, []).Body.OfType<TextBlock>().Select(t => t.Text).ToList();

        Assert.Contains("- Mentor", texts);
        Assert.DoesNotContain(texts, text => text!.Contains("Shadow", StringComparison.Ordinal));
        Assert.Contains(new string('r', SummaryCard.MaxExcerptLength) + "…", texts);
        Assert.Contains("20 March 2026", texts);
    }

    [Fact]
    public void SummaryCard_OpensTheFullReality_AndShowsTheContractCheckAndFirstComment()
    {
        var json = JsonNode.Parse(SummaryCard.Build(CoachingModels.Grow, Finished, []).ToJson())!;
        var body = json["body"]!.AsArray();
        var texts = body.Where(e => e!["type"]!.GetValue<string>() == "TextBlock").Select(e => e!["text"]!.GetValue<string>()).ToList();

        var showCards = body.Where(e => e!["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()).ToList();
        var full = Assert.Single(showCards);
        Assert.Equal("Action.ShowCard", full!["type"]!.GetValue<string>());
        Assert.Equal(SummaryCard.FullTextTitle, full["title"]!.GetValue<string>());
        Assert.Equal(new string('r', 400), full["card"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Partly", texts[texts.IndexOf(SummaryCard.ContractCheckTitle) + 1]);
        Assert.Equal("Good to see it written down", texts[texts.IndexOf(SummaryCard.FirstCommentTitle) + 1]);
    }

    [Fact]
    public void SummaryCard_HasNoFullTextButton_WhenEveryAnswerIsShort()
    {
        var card = SummaryCard.Build(CoachingModels.Grow, Finished with { Answers = new Dictionary<string, string> { ["reality"] = "Short" } }, []);

        Assert.DoesNotContain(card.Body, element => element is ActionSet);
    }

    [Fact]
    public void ActionsCard_SkipsEmptyRows_AndRequiresTheFirst()
    {
        var today = new DateOnly(2026, 3, 2);
        var empty = ActionsCard.Read(JsonSerializer.SerializeToElement(new { what1 = "", byWhen1 = "", confidence1 = "" }), today);
        var one = ActionsCard.Read(JsonSerializer.SerializeToElement(new { what1 = "Email", byWhen1 = "2026-03-02", confidence1 = "10", what2 = "" }), today);

        Assert.False(empty.IsValid);
        Assert.Equal("Action 1 is required.", empty.Errors[ActionsCard.WhatId(0)]);
        Assert.True(one.IsValid, string.Join("; ", one.Errors));
        Assert.Equal([new ActionDraft("Email", today, null, 10)], one.Value);
    }
}

public sealed class ActionIdTests
{
    [Fact]
    public void ActionId_IsStablePerConversationAndPlace_AndDistinct()
    {
        var conversation = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var ids = Enumerable.Range(0, ActionsCard.MaxActions).Select(i => ModelConversationDialog.ActionId(conversation, i)).ToList();

        Assert.Equal(ids, Enumerable.Range(0, ActionsCard.MaxActions).Select(i => ModelConversationDialog.ActionId(conversation, i)));
        Assert.Equal(ids.Count + 1, ids.Append(conversation).Distinct().Count());
        Assert.NotEqual(ids[0], ModelConversationDialog.ActionId(Guid.NewGuid(), 0));
    }
}
