using CoachingBot.Models;
using CoachingBot.Sessions;

namespace CoachingBot.Tests.Models;

/// <summary>The models and the follow-up rules checked as data: what one conversation engine relies on.</summary>
public sealed class ModelDefinitionTests
{
    public static TheoryData<string> ModelIds() => [.. CoachingModels.All.Select(model => model.Id)];

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void EveryStage_HasAQuestion_ADeeperOne_AndAGentlerOne(string modelId)
    {
        var model = CoachingModels.Find(modelId)!;

        Assert.NotEmpty(model.Stages);
        Assert.All(model.Stages, stage =>
        {
            Assert.InRange(stage.Questions.Count, 2, 4);
            Assert.All(stage.Questions, question => Assert.False(string.IsNullOrWhiteSpace(question)));
            Assert.False(string.IsNullOrWhiteSpace(stage.Gentler));
            Assert.DoesNotContain(stage.Gentler, stage.Questions);
            Assert.False(string.IsNullOrWhiteSpace(stage.Purpose));
        });
        Assert.Equal(model.Stages.Count, model.Stages.Select(stage => stage.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void StageQuestion_AsksOneQuestionPerMessage(string modelId)
    {
        foreach (var stage in CoachingModels.Find(modelId)!.Stages)
        {
            for (var shown = 0; shown < stage.Questions.Count; shown++)
            {
                var text = SessionTexts.StageQuestion(stage, shown);
                var asked = stage.Questions.Count(text.Contains);
                Assert.True(asked == 1, $"{stage.Id}, question {shown}: {asked} questions in \"{text}\"");
            }
        }
    }

    public static TheoryData<string> FollowUpRuleIds() => [.. FollowUps.Rules.Select(rule => rule.Id)];

    /// <summary>
    /// A follow-up asks one thing: one question mark, and no second question tacked on with "and" ("what, and from
    /// whom?", "what step, and when?"), which a client answers by half.
    /// </summary>
    [Theory]
    [MemberData(nameof(FollowUpRuleIds))]
    public void FollowUpQuestion_AsksOneThing(string ruleId)
    {
        var question = FollowUps.Get(ruleId).Question;
        var asked = question[..(question.IndexOf('?', StringComparison.Ordinal) + 1)];

        Assert.Equal(1, question.Count(c => c == '?'));
        Assert.DoesNotContain(", and ", asked[(asked.LastIndexOf(". ", StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Model_HasOneStageForEachCardAtMost_AndItsGoalOrNowForTheSoFarLine(string modelId)
    {
        var model = CoachingModels.Find(modelId)!;

        foreach (var kind in new[] { CaptureKind.Goal, CaptureKind.Options, CaptureKind.Actions })
        {
            Assert.True(model.Stages.Count(stage => stage.Captures == kind) <= 1, $"{model.Id} captures {kind} twice");
        }

        Assert.Contains(model.Stages, stage => stage.SoFar == SoFarPart.Now);
        Assert.Contains(model.Stages, stage => stage.SoFar == SoFarPart.Goal);
    }

    [Fact]
    public void EveryFollowUpRule_PointsAtAStepThatExists_AndHasWhatItsTriggerNeeds()
    {
        var steps = ConversationFrame.Steps
            .Concat(FirstModel.Factors.Select(factor => FollowUps.FirstStepPrefix + factor.Id))
            .Concat(CoachingModels.All.SelectMany(model => model.Stages).Select(stage => stage.Id))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(FollowUps.Rules);
        Assert.Equal(FollowUps.Rules.Count, FollowUps.Rules.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(FollowUps.Rules, rule =>
        {
            Assert.Contains(rule.Step, steps);
            Assert.Contains("?", rule.Question, StringComparison.Ordinal);
            switch (rule.Trigger)
            {
                case FollowUpTrigger.LowConfidence:
                    Assert.Equal(ConversationFrame.ActionsStep, rule.Step);
                    Assert.InRange(rule.Below ?? 0, 2, 10);
                    break;
                case FollowUpTrigger.ContractCheckAnswer:
                    Assert.Equal(ConversationFrame.ContractCheckStep, rule.Step);
                    Assert.NotEmpty(rule.Answers);
                    Assert.All(rule.Answers, answer => Assert.Contains(answer, ConversationFrame.ContractCheckChoices));
                    break;
                case FollowUpTrigger.LowFirstRating:
                    Assert.StartsWith(FollowUps.FirstStepPrefix, rule.Step, StringComparison.Ordinal);
                    Assert.InRange(rule.Below ?? 0, FirstModel.MinRating + 1, FirstModel.MaxRating);
                    break;
            }
        });
    }

    public static TheoryData<string> DefinitionTextKeys() =>
    [
        .. CoachingModels.All.SelectMany(model => model.TextKeys),
        .. FirstModel.Factors.SelectMany(factor => new[] { factor.TitleKey, factor.QuestionKey }),
        .. FollowUps.Rules.SelectMany(rule => rule.AnswerKeys.Prepend(rule.QuestionKey)),
    ];

    [Theory]
    [MemberData(nameof(DefinitionTextKeys))]
    public void EveryTextKeyOfADefinition_IsInTheNeutralResources(string key) =>
        Assert.True(Wording.Exists(key), $"ModelTexts.resx has no English text named {key}");

    [Fact]
    public void Wording_Throws_WhenADefinitionNamesATextThatIsNotThere() =>
        Assert.Throws<KeyNotFoundException>(() => Wording.Of("GrowGoalQuestion9"));

    [Fact]
    public void EveryFirstFactor_HasAFollowUp_AndInformedOffersAnAction()
    {
        var followed = FollowUps.Rules.Where(rule => rule.Trigger == FollowUpTrigger.LowFirstRating).Select(rule => rule.Step);

        Assert.Equal(FirstModel.Factors.Select(factor => FollowUps.FirstStepPrefix + factor.Id), followed);
        Assert.True(FollowUps.Get("first.informed").OffersAction);
    }

    [Fact]
    public void ShortPath_IsTheFirstTimeChoiceOnly()
    {
        Assert.True(ConversationFrame.IsShort(ConversationFrame.TimeChoices[0]));
        Assert.All(ConversationFrame.TimeChoices.Skip(1), choice => Assert.False(ConversationFrame.IsShort(choice)));
    }

    [Theory]
    [InlineData("grow", "a **GROW** conversation")]
    [InlineData("egan", "a **Skilled Helper** conversation")]
    [InlineData("aligraham", "an **Ali and Graham** conversation")]
    public void AConversation_TakesTheRightArticle(string modelId, string expected) =>
        Assert.Equal(expected, CoachingModels.Find(modelId)!.AConversation);

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Opening_CitesNoBook(string modelId)
    {
        var model = CoachingModels.Find(modelId)!;
        var opening = SessionTexts.Opening(model);

        Assert.DoesNotContain(model.Source, opening, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\(\d{4}\)|chapter", opening);
    }
}

/// <summary>The conversation's texts come from ConversationTexts.resx: each SessionTexts text has its resource, in English.</summary>
public sealed class ConversationTextsTests
{
    [Fact]
    public void EverySessionText_IsAResource_WithEnglishWording()
    {
        var texts = typeof(SessionTexts).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(string))
            .ToList();
        var resources = ConversationTexts.ResourceManager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);

        Assert.NotEmpty(texts);
        Assert.All(texts, property =>
        {
            Assert.True(resources.TryGetValue(property.Name, out var wording), $"{property.Name} has no resource");
            Assert.False(string.IsNullOrWhiteSpace(wording));
            Assert.Equal(wording, property.GetValue(null));
        });
        Assert.Equal(texts.Select(property => property.Name).Order(StringComparer.Ordinal), resources.Keys.Order(StringComparer.Ordinal));
    }
}
