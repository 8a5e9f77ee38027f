using System.Text.Json.Nodes;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

public sealed class DialogStateTests
{
    [Fact]
    public void Serialize_WritesVersionAndStackBottomFirst()
    {
        var state = new DialogState();
        state.Stack.Add(new DialogInstance("profile", new JsonObject { ["stepIndex"] = 1, ["values"] = new JsonObject { ["name"] = "Ann" } }));
        state.Stack.Add(new DialogInstance("number", new JsonObject { ["attempts"] = 0 }));

        Assert.Equal(
            """{"version":1,"stack":[{"id":"profile","state":{"stepIndex":1,"values":{"name":"Ann"}}},{"id":"number","state":{"attempts":0}}]}""",
            state.Serialize());
    }

    [Fact]
    public void TryParse_RoundTripsWhatSerializeWrote()
    {
        var dialogs = TestDialogs.ProfileSet();
        var state = new DialogState();
        state.Stack.Add(new DialogInstance("profile", new JsonObject { ["stepIndex"] = 2, ["values"] = new JsonObject { ["name"] = "Zoë \"Z\" <at>" } }));
        var json = state.Serialize();

        Assert.True(DialogState.TryParse(json, dialogs, out var read, out var problem));

        Assert.Equal(DialogStateProblem.None, problem);
        Assert.Equal("Zoë \"Z\" <at>", read.Stack[0].State["values"]!["name"]!.GetValue<string>());
        Assert.Equal(json, read.Serialize());
    }

    [Fact]
    public void DialogSet_Throws_WhenTwoDialogsShareAnId()
    {
        var error = Assert.Throws<ArgumentException>(() => new DialogSet(new TextPrompt("ask"), new NumberPrompt("ask")));

        Assert.Contains("'ask'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndDialog_CopiesAResultThatBelongsToAnotherState_SoTheParentCanStoreIt()
    {
        // The child ends with its own Values object; the parent stores it in its Values. Without a copy the node
        // would have two parents and System.Text.Json would throw.
        var host = new DialogTestHost(
            () => new DialogSet(
                new WaterfallDialog("parent", [
                    (step, ct) => step.BeginDialogAsync("child", null, ct),
                    (step, ct) =>
                    {
                        step.Values["child"] = step.Result;
                        return step.EndDialogAsync(step.Values, ct);
                    },
                ]),
                new WaterfallDialog("child", [
                    (step, ct) =>
                    {
                        step.Values["answer"] = 42;
                        return step.EndDialogAsync(step.Values, ct);
                    },
                ])),
            "parent");

        Assert.Equal("""Done: {"child":{"answer":42}}""", await host.SayAsync("hi"));
    }

    [Theory]
    [InlineData(DialogEndReason.Ended, "finish")]
    [InlineData(DialogEndReason.Cancelled, "cancel")]
    [InlineData(DialogEndReason.Replaced, "replace")]
    public async Task EndAsync_IsToldWhyTheDialogLeftTheStack(DialogEndReason expected, string userSays)
    {
        var reasons = new List<DialogEndReason>();
        var host = new DialogTestHost(() => new DialogSet(new RecordingDialog("recording", reasons), new TextPrompt("text")), "recording");
        host.OnTurn = async (dc, ct) =>
        {
            var text = TurnText.Normalize(dc.Activity);
            _ = text switch
            {
                "cancel" => await dc.CancelAllDialogsAsync(ct),
                "replace" => await dc.ReplaceDialogAsync("text", new TextPromptOptions().ToJson(), ct),
                "finish" => await dc.ContinueDialogAsync(ct),
                _ => await dc.BeginDialogAsync("recording", null, ct),
            };
        };
        await host.SayAsync("begin");

        await host.SayAsync(userSays);

        Assert.Equal([expected], reasons);
    }

    /// <summary>Waits for one message, then ends; records why it ended.</summary>
    private sealed class RecordingDialog(string id, List<DialogEndReason> reasons) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);

        public override Task EndAsync(DialogContext dc, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken)
        {
            Assert.Equal(Id, instance.Id);
            reasons.Add(reason);
            return Task.CompletedTask;
        }
    }
}
