using CoachingBot.Models;

namespace CoachingBot.Sessions;

/// <summary>
/// Keys under which a conversation keeps, beside each stage's answer, how the conversation went around it: the
/// gentler and deeper questions asked, and each follow-up due and answered. Kept with the answers so a conversation
/// resumed after a restart asks exactly what is still open.
/// </summary>
public static class AnswerKeys
{
    /// <summary>The gentler question asked at a stage after "I don't know".</summary>
    public static string Gentle(Stage stage) => "gentle:" + Id(stage);

    /// <summary>The deeper question asked at a stage (after a short answer, or on request).</summary>
    public static string Deeper(Stage stage) => "deeper:" + Id(stage);

    /// <summary>The options the client shortlisted for weighing, one a line.</summary>
    public static string Shortlist(Stage stage) => "shortlist:" + Id(stage);

    /// <summary>The follow-up question due, in the words it will be asked with.</summary>
    public static string Due(FollowUpRule rule) => "due:" + Id(rule);

    /// <summary>The client's answer to a follow-up.</summary>
    public static string FollowUp(FollowUpRule rule) => "followup:" + Id(rule);

    /// <summary>An answer to a follow-up that becomes an action, waiting for its confidence.</summary>
    public static string Offer(FollowUpRule rule) => "offer:" + Id(rule);

    /// <summary>The confidence given to that action, once it is saved.</summary>
    public static string Offered(FollowUpRule rule) => "offered:" + Id(rule);

    private static string Id(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Id;
    }

    private static string Id(FollowUpRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Id;
    }
}
