using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachingBot.Models;
using CoachingBot.Sessions;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Micro;

/// <summary>Building a GROW card from its model and writing it to JSON with <see cref="CardJson.Options"/>.</summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private static readonly Dictionary<string, string> NoErrors = [];
    private static readonly DateTimeOffset Started = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    private CardFormView _goalView = null!;
    private CardFormView _optionsView = null!;
    private CoachingConversation _conversation = null!;
    private ActionItem[] _actions = [];

    [GlobalSetup]
    public void Setup()
    {
        _goalView = new CardFormView(new Dictionary<string, string>(), NoErrors, new CardFormPromptOptions());
        var listed = OptionsCard.AsValues(["Ask my manager for a mentor", "Shadow a peer who has led a reorganisation", "Run a team retrospective on the last change"]);
        _optionsView = new CardFormView(listed, NoErrors, new CardFormPromptOptions { Values = listed });
        (_conversation, _actions) = FinishedGrow();
    }

    /// <summary>The goal card as first shown: goal, the SMART questions and a target date.</summary>
    [Benchmark]
    public byte[] GoalCardForm() => ToJson(GoalCard.Form(_goalView));

    /// <summary>The options card that weighs three listed options.</summary>
    [Benchmark]
    public byte[] OptionsWeighCard() => ToJson(OptionsCard.WeighForm(_optionsView));

    /// <summary>The summary card of a finished GROW conversation, one answer long enough to be folded.</summary>
    [Benchmark]
    public byte[] SummaryCardBuild() => ToJson(SummaryCard.Build(CoachingModels.Grow, _conversation, _actions));

    private static byte[] ToJson(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, CardJson.Options);

    private static (CoachingConversation, ActionItem[]) FinishedGrow()
    {
        var id = Guid.Parse("0b4f6a52-3a8e-4c1d-9f07-5c2e1d3b6a70");
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reality"] = string.Join(' ', Enumerable.Repeat("Morale is low since the reorganisation was announced, and I keep putting off the hard conversations.", 4)),
            ["will"] = "Speak to Sam and Priya before the next change meeting",
        };
        var conversation = new CoachingConversation
        {
            Id = id,
            OwnerUserId = "29:1micro",
            OwnerName = "Ana Client",
            ChatId = "a:1micro",
            ModelId = CoachingModels.Grow.Id,
            Status = ConversationStatus.Completed,
            StartedAt = Started,
            UpdatedAt = Started.AddMinutes(25),
            CompletedAt = Started.AddMinutes(25),
            PresentingNeed = "Clarity on my next step as a manager",
            TimeAvailable = "20 minutes",
            Answers = answers,
            Goal = new GoalDraft("Lead my team through the reorganisation with confidence", "Run the change meetings myself", "Team survey confidence score up by 10 points", null, "The reorganisation starts in April", new DateOnly(2027, 4, 2)),
            Options =
            [
                new OptionItem("Ask my manager for a mentor", 4, 3, "Experience on tap", "Takes time to find", Chosen: true),
                new OptionItem("Shadow a peer who has led a reorganisation", 3, 4),
            ],
            ContractCheck = "Yes",
            FollowUpOn = new DateOnly(2026, 12, 17),
            FirstRatings = new Dictionary<string, int>(StringComparer.Ordinal) { ["focus"] = 4, ["informed"] = 3, ["realistic"] = 4, ["scope"] = 3, ["tactics"] = 5 },
            FirstComment = "Useful to write it down",
        };
        ActionItem Action(string what, int days, int confidence) => new()
        {
            Id = Guid.NewGuid(),
            ConversationId = id,
            OwnerUserId = conversation.OwnerUserId,
            What = what,
            ByWhen = new DateOnly(2026, 12, 3).AddDays(days),
            Confidence = confidence,
            Status = ActionStatus.Open,
            CreatedAt = Started.AddMinutes(20),
            UpdatedAt = Started.AddMinutes(20),
        };
        return (conversation, [Action("Email my manager about a mentor", 4, 8), Action("Book an hour with Sam", 11, 6)]);
    }
}
