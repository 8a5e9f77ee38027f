using CoachingBot.Tests.Support;
using System.Text.Json.Nodes;
using CoachingBot.Storage;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Tests.Storage;

public abstract class ConversationStoreContract : StoreContract
{
    private const string PersonalId = "a:personal-1";


    private IConversationStore Store => Host.Get<IConversationStore>();

    [DatabaseFact]
    public async Task UpsertAsync_ReturnsTrueThenFalse_ForANewConversation()
    {
        Assert.True(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "install-1"), timeZone: null));
        Assert.False(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "install-2"), timeZone: null));
    }

    [DatabaseFact]
    public async Task UpsertAsync_ReturnsTrueAgain_ForTheActivityThatInstalledIt()
    {
        // The install turn run again after a crash: it must welcome, as it would have the first time.
        Assert.True(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "install-1"), timeZone: null));
        Assert.False(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "install-2"), timeZone: null));

        Assert.True(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "install-1"), timeZone: null));
    }

    [DatabaseFact]
    public async Task UpsertAsync_ReturnsTrueAndReinstates_WhenTheConversationWasRetired()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null);
        Host.Time.Advance(TimeSpan.FromDays(1));
        await Store.RetireAsync(PersonalId);
        Host.Time.Advance(TimeSpan.FromDays(1));

        Assert.True(await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null));

        var stored = await Store.FindAsync(PersonalId);
        Assert.NotNull(stored);
        Assert.False(stored.IsRetired);
        Assert.Equal(StorageTestHost.Start.AddDays(2), stored.InstalledAt);
        Assert.False(await Store.UpsertAsync(ConversationReferences.Personal(activityId: "another-event"), timeZone: null));
    }

    [DatabaseFact]
    public async Task RetireAsync_MarksTheConversationRemoved_AtTheCurrentTime()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null);
        Host.Time.Advance(TimeSpan.FromHours(5));

        await Store.RetireAsync(PersonalId);

        var stored = await Store.FindAsync(PersonalId);
        Assert.NotNull(stored);
        Assert.True(stored.IsRetired);
        Assert.Equal(StorageTestHost.Start.AddHours(5), stored.RemovedAt);
        Assert.Equal(StorageTestHost.Start, stored.InstalledAt);
    }

    [DatabaseFact]
    public async Task RetireAsync_KeepsTheFirstRemovalTime_WhenRetiredTwice()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null);
        await Store.RetireAsync(PersonalId);
        Host.Time.Advance(TimeSpan.FromHours(1));

        await Store.RetireAsync(PersonalId);
        await Store.RetireAsync("a:unknown");

        Assert.Equal(StorageTestHost.Start, (await Store.FindAsync(PersonalId))?.RemovedAt);
        Assert.Null(await Store.FindAsync("a:unknown"));
    }

    [DatabaseFact]
    public async Task FindAsync_ReturnsTheReferenceFields_ForAPersonalChat()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), "Europe/London");

        var stored = await Store.FindAsync(PersonalId);

        Assert.NotNull(stored);
        Assert.Equal(
            new[] { PersonalId, "msteams", "https://smba.trafficmanager.net/emea/", "tenant-1", "personal", "28:bot-1", "Coach Bot", "29:user-1", "aad-user-1", "Ada Client", "en-GB", "Europe/London" },
            new[] { stored.ConversationId, stored.ChannelId, stored.ServiceUrl, stored.TenantId, stored.ConversationType, stored.BotId, stored.BotName, stored.UserId, stored.UserAadObjectId, stored.UserName, stored.Locale, stored.TimeZone });
        Assert.Equal(StorageTestHost.Start, stored.InstalledAt);
        Assert.Equal(StorageTestHost.Start, stored.UpdatedAt);
        Assert.Null(stored.RemovedAt);
    }

    [DatabaseFact]
    public async Task FindAsync_ReturnsAReferenceWithEveryFieldTeamsSent_IncludingUnknownOnes()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null);

        var stored = await Store.FindAsync(PersonalId);

        Assert.NotNull(stored);
        var expected = JsonNode.Parse(ConversationReferences.PersonalJson);
        var actual = JsonNode.Parse(BotJson.Serialize(stored.Reference));
        Assert.True(JsonNode.DeepEquals(expected, actual), actual?.ToJsonString());
        Assert.Equal("keep me", stored.Reference.User?.AdditionalProperties?["x-user-extra"].GetString());
    }

    [DatabaseFact]
    public async Task UpsertAsync_LeavesTheUserFieldsEmpty_ForAGroupChat()
    {
        var reference = ConversationReferences.GroupChat();

        Assert.True(await Store.UpsertAsync(reference, timeZone: null));

        var stored = await Store.FindAsync(reference.Conversation!.Id!);
        Assert.NotNull(stored);
        Assert.Equal("groupChat", stored.ConversationType);
        Assert.Null(stored.UserId);
        Assert.Null(stored.UserAadObjectId);
        Assert.Null(stored.UserName);
        Assert.Equal("29:someone", stored.Reference.User?.Id);
    }

    [DatabaseFact]
    public async Task UpsertAsync_RefreshesTheReference_WhenTheConversationExists()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), timeZone: null);
        Host.Time.Advance(TimeSpan.FromMinutes(30));
        var moved = ConversationReferences.Personal();
        moved.ServiceUrl = "https://smba.trafficmanager.net/amer/";
        moved.Locale = "fr-FR";

        await Store.UpsertAsync(moved, timeZone: null);

        var stored = await Store.FindAsync(PersonalId);
        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.ServiceUrl);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.Reference.ServiceUrl);
        Assert.Equal("fr-FR", stored.Locale);
        Assert.Equal(StorageTestHost.Start, stored.InstalledAt);
        Assert.Equal(StorageTestHost.Start.AddMinutes(30), stored.UpdatedAt);
    }

    // Each row: the zone stored first, the zone the next upsert brings, the zone stored afterwards.
    [DatabaseTheory]
    [InlineData("Europe/London", null, "Europe/London")]
    [InlineData("Europe/London", "", "Europe/London")]
    [InlineData("Europe/London", "Not/AZone", "Europe/London")]
    [InlineData("Europe/London", "America/New_York", "America/New_York")]
    [InlineData(null, "W. Europe Standard Time", "Europe/Berlin")] // a Windows id is stored as IANA
    [InlineData(null, "Mars/Olympus_Mons", null)]
    public async Task UpsertAsync_ReplacesTheTimeZoneOnlyWithAKnownOne(string? first, string? next, string? expected)
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), first);

        await Store.UpsertAsync(ConversationReferences.Personal(), next);

        Assert.Equal(expected, (await Store.FindAsync(PersonalId))?.TimeZone);
    }

    [DatabaseFact]
    public async Task SetTimeZoneAsync_StoresTheZone_WhenTheConversationExists()
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), "Europe/London");

        Assert.True(await Store.SetTimeZoneAsync(PersonalId, "Asia/Tokyo"));

        Assert.Equal("Asia/Tokyo", (await Store.FindAsync(PersonalId))?.TimeZone);
    }

    [DatabaseFact]
    public async Task SetTimeZoneAsync_ReturnsFalse_WhenTheConversationIsUnknown()
    {
        Assert.False(await Store.SetTimeZoneAsync("a:unknown", "Asia/Tokyo"));
    }

    [DatabaseTheory]
    [InlineData("")]
    [InlineData("Not/AZone")]
    [InlineData("../../etc/passwd")]
    public async Task SetTimeZoneAsync_Rejects_AnUnknownZone(string zone)
    {
        await Store.UpsertAsync(ConversationReferences.Personal(), "Europe/London");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SetTimeZoneAsync(PersonalId, zone));

        Assert.Equal("Europe/London", (await Store.FindAsync(PersonalId))?.TimeZone);
    }

    [DatabaseTheory]
    [InlineData("conversation")]
    [InlineData("channelId")]
    [InlineData("serviceUrl")]
    public async Task UpsertAsync_Rejects_AReferenceWithoutWhatAProactiveSendNeeds(string missing)
    {
        var reference = ConversationReferences.Personal();
        switch (missing)
        {
            case "conversation": reference.Conversation!.Id = null; break;
            case "channelId": reference.ChannelId = null; break;
            case "serviceUrl": reference.ServiceUrl = ""; break;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(reference, timeZone: null));

        Assert.Equal("reference", error.ParamName);
    }

    [DatabaseFact]
    public async Task UpsertAsync_ReturnsTrueExactlyOnce_WhenInstallEventsRace()
    {
        await using var other = await StorageTestHost.StartAsync(Database);
        var stores = new[] { Store, other.Get<IConversationStore>() };

        for (var round = 0; round < 5; round++)
        {
            var conversationId = $"a:race-{round}";
            var installs = Enumerable.Range(0, 8)
                .Select(i => Task.Run(() => stores[i % 2].UpsertAsync(ConversationReferences.Personal(conversationId, $"install-{i}"), timeZone: null)))
                .ToArray();
            Assert.Single(await Task.WhenAll(installs), isNew => isNew);

            await Store.RetireAsync(conversationId);
            var reinstalls = Enumerable.Range(0, 8)
                .Select(i => Task.Run(() => stores[i % 2].UpsertAsync(ConversationReferences.Personal(conversationId, $"reinstall-{i}"), timeZone: null)))
                .ToArray();
            Assert.Single(await Task.WhenAll(reinstalls), isNew => isNew);
        }
    }
}

public sealed class SqliteConversationStoreTests : ConversationStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.SqliteAsync();
}

[UsesPostgreSql]
public sealed class PostgreSqlConversationStoreTests(PostgreSqlClassDatabase database) : ConversationStoreContract, IClassFixture<PostgreSqlClassDatabase>
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => database.ForNextTestAsync();
}
