using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class ActivityValidatorTests
{
    private static Activity Valid(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Id = "1",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Conversation = new ConversationAccount { Id = "a:1" },
        From = new ChannelAccount { Id = "29:user" },
        Name = type == ActivityTypes.Invoke ? "adaptiveCard/action" : null,
    };

    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    public void Validate_ReturnsNull_WhenActivityHasWhatItsTypeNeeds(string type) =>
        Assert.Null(ActivityValidator.Validate(Valid(type)));

    [Theory]
    [InlineData("type", "no type")]
    [InlineData("conversation", "no conversation id")]
    [InlineData("serviceUrl", "no serviceUrl")]
    [InlineData("relativeServiceUrl", "not an absolute http(s) URL")]
    [InlineData("ftpServiceUrl", "not an absolute http(s) URL")]
    [InlineData("from", "no sender")]
    [InlineData("invokeName", "invoke activity has no name")]
    [InlineData("longText", "longer than")]
    public void Validate_GivesReason_WhenFieldIsMissingOrWrong(string defect, string reason)
    {
        var activity = Valid(defect == "invokeName" ? ActivityTypes.Invoke : ActivityTypes.Message);
        switch (defect)
        {
            case "type": activity.Type = " "; break;
            case "conversation": activity.Conversation = new ConversationAccount(); break;
            case "serviceUrl": activity.ServiceUrl = null; break;
            case "relativeServiceUrl": activity.ServiceUrl = "/teams"; break;
            case "ftpServiceUrl": activity.ServiceUrl = "ftp://example.com/"; break;
            case "from": activity.From = null; break;
            case "invokeName": activity.Name = null; break;
            case "longText": activity.Text = new string('x', ActivityValidator.MaxTextLength + 1); break;
        }

        Assert.Contains(reason, ActivityValidator.Validate(activity), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllowsMissingSender_WhenConversationUpdate()
    {
        var activity = Valid(ActivityTypes.ConversationUpdate);
        activity.From = null;
        Assert.Null(ActivityValidator.Validate(activity));
    }
}
