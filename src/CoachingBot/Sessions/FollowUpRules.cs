using System.Globalization;
using CoachingBot.Models;

namespace CoachingBot.Sessions;

/// <summary>
/// Applies the follow-up rules of <see cref="FollowUps"/> to a conversation: after the step a rule listens to, marks
/// its question due (worded with the client's own words); the conversation then asks it before going on.
/// </summary>
public static class FollowUpRules
{
    /// <summary>After the actions: the least confident action, when below the rule's threshold.</summary>
    public static CoachingConversation AfterActions(CoachingConversation conversation, IReadOnlyList<ActionDraft> actions)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var rule in RulesFor(ConversationFrame.ActionsStep, FollowUpTrigger.LowConfidence))
        {
            var least = actions.OrderBy(action => action.Confidence).FirstOrDefault();
            if (least is not null && least.Confidence < rule.Below)
            {
                conversation = Due(conversation, rule, Reflections.Shorten(least.What, Reflections.SoFarLength), least.Confidence);
            }
        }

        return conversation;
    }

    /// <summary>After the contract check: "what is missing?" when it was only partly met or not met.</summary>
    public static CoachingConversation AfterContractCheck(CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        foreach (var rule in RulesFor(ConversationFrame.ContractCheckStep, FollowUpTrigger.ContractCheckAnswer))
        {
            if (rule.Answers.Contains(conversation.ContractCheck, StringComparer.OrdinalIgnoreCase))
            {
                conversation = Due(conversation, rule, Reflections.Shorten(conversation.PresentingNeed ?? string.Empty, Reflections.SoFarLength), 0);
            }
        }

        return conversation;
    }

    /// <summary>After FIRST: the lowest-rated factor below its rule's threshold, one question only.</summary>
    public static CoachingConversation AfterFirst(CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var lowest = FollowUps.Rules
            .Where(rule => rule.Trigger == FollowUpTrigger.LowFirstRating)
            .Select(rule => (Rule: rule, Rating: conversation.FirstRatings.TryGetValue(rule.Step[FollowUps.FirstStepPrefix.Length..], out var rating) ? rating : (int?)null))
            .Where(pair => pair.Rating < pair.Rule.Below)
            .OrderBy(pair => pair.Rating)
            .FirstOrDefault();
        return lowest.Rule is null ? conversation : Due(conversation, lowest.Rule, string.Empty, lowest.Rating!.Value);
    }

    /// <summary>Keeps the client's answer to a follow-up; one that offers an action keeps it as the action to come.</summary>
    public static CoachingConversation Answered(CoachingConversation conversation, FollowUpRule rule, string answer)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(rule);
        var answers = new Dictionary<string, string>(conversation.Answers, StringComparer.Ordinal) { [AnswerKeys.FollowUp(rule)] = answer };
        if (rule.OffersAction && !FollowUps.IsNotSure(answer) && !SessionTexts.IsDecline(answer))
        {
            answers[AnswerKeys.Offer(rule)] = Reflections.Shorten(answer, ActionsCard.MaxWhatLength);
        }

        return conversation with { Answers = answers };
    }

    private static IEnumerable<FollowUpRule> RulesFor(string step, FollowUpTrigger trigger) =>
        FollowUps.Rules.Where(rule => rule.Step == step && rule.Trigger == trigger);

    private static CoachingConversation Due(CoachingConversation conversation, FollowUpRule rule, string words, int rating) =>
        conversation with
        {
            Answers = new Dictionary<string, string>(conversation.Answers, StringComparer.Ordinal)
            {
                [AnswerKeys.Due(rule)] = string.Format(CultureInfo.InvariantCulture, rule.Question, words, rating),
            },
        };
}
