using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Teams.Tests.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Teams.Tests.Hosting;

public sealed class TurnContextTests
{
    [Fact]
    public async Task Flush_MarksEverySendAndUpdateAsTheReplyToTheInboundActivity_WhenTheAppLeftReplyToIdEmpty()
    {
        var connector = new RecordingConnectorClient();
        var inbound = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "inbound-7",
            ServiceUrl = connector.ServiceUrl.ToString(),
            Conversation = new ConversationAccount { Id = "a:1" },
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
        };
        var turn = new TurnContext(inbound, connector, new ServiceCollection().BuildServiceProvider());

        turn.SendText("a text reply");
        turn.Send(new Activity { Text = "built without CreateReply, as card messages are" });
        turn.Update("card-1", new Activity { Text = "the saved card" });
        turn.Send(new Activity { Text = "says itself what it answers", ReplyToId = "other" });
        await turn.FlushAsync(CancellationToken.None);

        Assert.Equal(["inbound-7", "inbound-7", "inbound-7", "other"], connector.Sent.Select(a => a.ReplyToId));
    }
}
