using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Storage;

public abstract class TurnJournalContract : StoreContract
{
    private const string Conversation = "a:personal-1";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private ITurnJournal Journal => Host.Get<ITurnJournal>();

    [DatabaseFact]
    public async Task AcceptAsync_ReturnsNull_ForAResendOfTheSameActivity()
    {
        Assert.NotNull(await Journal.AcceptAsync(Message("1700000000000"), runsInline: false));
        Assert.Null(await Journal.AcceptAsync(Message("1700000000000"), runsInline: false));
        Assert.NotNull(await Journal.AcceptAsync(Message("1700000000001"), runsInline: false));
        Assert.NotNull(await Journal.AcceptAsync(Message("1700000000000", "a:personal-2"), runsInline: false));
    }

    [DatabaseFact]
    public async Task AcceptAsync_AcceptsExactlyOnce_WhenTwoInstancesRace()
    {
        await using var other = await StorageTestHost.StartAsync(Database);
        var journals = new[] { Journal, other.Get<ITurnJournal>() };

        for (var round = 0; round < 5; round++)
        {
            var activityId = $"resent-{round}";
            var accepted = await Task.WhenAll(Enumerable.Range(0, 16)
                .Select(i => Task.Run(() => journals[i % 2].AcceptAsync(Message(activityId), runsInline: false))));

            Assert.Single(accepted, turn => turn is not null);
        }
    }

    [DatabaseFact]
    public async Task NextTurnAsync_ReturnsTheActivityAsItArrived_AfterARestart()
    {
        var activity = Message("m1", text: "Ich möchte üben 🙂");
        activity.AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["unknownField"] = System.Text.Json.JsonDocument.Parse("{\"kept\":true}").RootElement.Clone() };
        await Journal.AcceptAsync(activity, runsInline: false);
        await Host.DisposeAsync();
        Host = await StorageTestHost.StartAsync(Database);

        var turn = await Journal.NextTurnAsync(Conversation);

        Assert.NotNull(turn);
        Assert.Equal("Ich möchte üben 🙂", turn.Activity.Text);
        Assert.Equal(BotJson.Serialize(activity), BotJson.Serialize(turn.Activity));
        Assert.Equal(1, turn.Attempts);
        Assert.Equal(2, (await Journal.NextTurnAsync(Conversation))!.Attempts);
    }

    [DatabaseFact]
    public async Task NextTurnAsync_ReturnsTurnsInArrivalOrder_AndSkipsInlineAndFinishedOnes()
    {
        await Journal.AcceptAsync(Message("b-first"), runsInline: false);
        Host.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Journal.AcceptAsync(Message("a-second"), runsInline: false);
        await Journal.AcceptAsync(Message("invoke"), runsInline: true);
        var lease = await Journal.TryClaimLaneAsync(Conversation, "me", Lease);

        var first = await Journal.NextTurnAsync(Conversation);
        Assert.Equal(Conversation + "|b-first", first!.Key);
        await Journal.CompleteTurnAsync(lease!, first, [], []);

        Assert.Equal(Conversation + "|a-second", (await Journal.NextTurnAsync(Conversation))!.Key);
    }

    [DatabaseFact]
    public async Task TryClaimLaneAsync_GivesTheLaneToOneOwner_UntilReleasedOrExpired()
    {
        await using var other = await StorageTestHost.StartAsync(Database, Host.Time);
        var mine = await Journal.TryClaimLaneAsync(Conversation, "me", Lease);

        Assert.NotNull(mine);
        Assert.Null(await other.Get<ITurnJournal>().TryClaimLaneAsync(Conversation, "other", Lease));
        Assert.NotNull(await Journal.TryClaimLaneAsync(Conversation, "me", Lease));

        await Journal.ReleaseLaneAsync(mine);
        var theirs = await other.Get<ITurnJournal>().TryClaimLaneAsync(Conversation, "other", Lease);
        Assert.NotNull(theirs);

        Host.Time.Advance(Lease);
        Assert.NotNull(await Journal.TryClaimLaneAsync(Conversation, "me", Lease));
        await Assert.ThrowsAsync<LaneLostException>(() =>
            other.Get<ITurnJournal>().CompleteTurnAsync(theirs, new JournalTurn(Conversation + "|x", Message("x"), 1), [], []));
    }

    [DatabaseFact]
    public async Task TryClaimLaneAsync_GivesTheLaneToExactlyOne_WhenManyRace()
    {
        await using var other = await StorageTestHost.StartAsync(Database, Host.Time);
        var journals = new[] { Journal, other.Get<ITurnJournal>() };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => Task.Run(() => journals[i % 2].TryClaimLaneAsync(Conversation, $"owner-{i}", Lease))));

        Assert.Single(claims, claim => claim is not null);
    }

    [DatabaseFact]
    public async Task CompleteTurnAsync_SavesStateRepliesAndTheEndTogether()
    {
        var turn = (await Journal.AcceptAsync(Message("m1"), runsInline: false))!;
        var lease = (await Journal.TryClaimLaneAsync(Conversation, "me", Lease))!;

        await Journal.CompleteTurnAsync(lease, turn, [new StateWrite("msteams/" + Conversation, "{\"step\":1}", null)], [Reply("one"), Reply("two")]);

        Assert.Equal("{\"step\":1}", (await Host.Get<IDialogStateStore>().ReadAsync("msteams/" + Conversation))?.Json);
        Assert.Equal(["one", "two"], (await Journal.UnsentAsync(Conversation, 10)).Select(e => e.Operation.Activity.Text));
        Assert.Null(await Journal.NextTurnAsync(Conversation));
    }

    [DatabaseFact]
    public async Task CompleteTurnAsync_ChangesNothing_WhenTheStateWriteLosesARace()
    {
        var states = Host.Get<IDialogStateStore>();
        var etag = await states.WriteAsync("msteams/" + Conversation, "{\"step\":1}", null);
        await states.WriteAsync("msteams/" + Conversation, "{\"step\":2}", etag);
        var turn = (await Journal.AcceptAsync(Message("m1"), runsInline: false))!;
        var lease = (await Journal.TryClaimLaneAsync(Conversation, "me", Lease))!;

        await Assert.ThrowsAsync<DialogStateConflictException>(() =>
            Journal.CompleteTurnAsync(lease, turn, [new StateWrite("msteams/" + Conversation, "{\"step\":9}", etag)], [Reply("lost")]));

        Assert.Equal("{\"step\":2}", (await states.ReadAsync("msteams/" + Conversation))?.Json);
        Assert.Empty(await Journal.UnsentAsync(Conversation, 10));
        Assert.NotNull(await Journal.NextTurnAsync(Conversation));
    }

    [DatabaseFact]
    public async Task UnsentAsync_KeepsTurnOrder_AndSettleAsyncRemovesWhatWasSentOrUndeliverable()
    {
        var lease = (await Journal.TryClaimLaneAsync(Conversation, "me", Lease))!;
        var first = (await Journal.AcceptAsync(Message("z-first"), runsInline: false))!;
        Host.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = (await Journal.AcceptAsync(Message("a-second"), runsInline: false))!;
        await Journal.CompleteTurnAsync(lease, second, [], [Reply("2a"), Reply("2b")]);
        await Journal.CompleteTurnAsync(lease, first, [], [Reply("1a")]);

        var unsent = await Journal.UnsentAsync(Conversation, 10);
        Assert.Equal(["1a", "2a", "2b"], unsent.Select(e => e.Operation.Activity.Text));

        await Journal.SettleAsync(unsent[0], OutboxSettlement.Sent);
        await Journal.SettleAsync(unsent[1], OutboxSettlement.RetryLater);
        await Journal.SettleAsync(unsent[2], OutboxSettlement.Undeliverable);

        var left = Assert.Single(await Journal.UnsentAsync(Conversation, 10));
        Assert.Equal(("2a", 1), (left.Operation.Activity.Text, left.Attempts));
    }

    [DatabaseFact]
    public async Task ConversationsWithWorkAsync_FindsUnfinishedTurnsAndUnsentReplies_WhoseLaneIsFreeOrExpired()
    {
        await Journal.AcceptAsync(Message("m1", "a:pending"), runsInline: false);
        await Journal.AcceptAsync(Message("m1", "a:inline"), runsInline: true);
        await Journal.AcceptAsync(Message("m1", "a:busy"), runsInline: false);
        await Journal.TryClaimLaneAsync("a:busy", "someone", Lease);
        var unsent = (await Journal.AcceptAsync(Message("m1", "a:unsent"), runsInline: false))!;
        var lease = (await Journal.TryClaimLaneAsync("a:unsent", "me", Lease))!;
        await Journal.CompleteTurnAsync(lease, unsent, [], [Reply("waiting", "a:unsent")]);
        await Journal.ReleaseLaneAsync(lease);

        Assert.Equal(["a:pending", "a:unsent"], (await Journal.ConversationsWithWorkAsync(10)).Order());

        Host.Time.Advance(Lease);
        Assert.Equal(["a:busy", "a:pending", "a:unsent"], (await Journal.ConversationsWithWorkAsync(10)).Order());
    }

    [DatabaseFact]
    public async Task PruneAsync_ForgetsFinishedTurnsAndSettledReplies_OlderThanTheCutoff()
    {
        var lease = (await Journal.TryClaimLaneAsync(Conversation, "me", Lease))!;
        var old = (await Journal.AcceptAsync(Message("old"), runsInline: false))!;
        await Journal.CompleteTurnAsync(lease, old, [], [Reply("sent")]);
        await Journal.SettleAsync((await Journal.UnsentAsync(Conversation, 1))[0], OutboxSettlement.Sent);
        await Journal.AcceptAsync(Message("pending"), runsInline: false);
        Host.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(2, await Journal.PruneAsync(TimeSpan.FromDays(1)));

        // The finished turn is forgotten, so its id is no longer refused; the unfinished one is kept.
        Assert.NotNull(await Journal.AcceptAsync(Message("old"), runsInline: false));
        Assert.Null(await Journal.AcceptAsync(Message("pending"), runsInline: false));
    }

    private static Activity Message(string id, string conversationId = Conversation, string text = "hello") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.test/",
        From = new ChannelAccount { Id = "29:user", Name = "Ann" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "CoachingBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal },
        Text = text,
    };

    private static OutgoingOperation Reply(string text, string conversationId = Conversation) =>
        new(OutgoingKind.Send, Message("in", conversationId).CreateReply(text), null);
}

public sealed class SqliteTurnJournalTests : TurnJournalContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlTurnJournalTests(PostgreSqlClassDatabase database) : TurnJournalContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
