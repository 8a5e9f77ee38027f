using System.Net;
using System.Text.Json;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Tests.Connector;

public sealed class ConnectorClientRequestTests
{
    private const string ChannelConversationId = "19:abc@thread.v2;messageid=123";
    private const string EscapedChannelConversationId = "19%3Aabc%40thread.v2%3Bmessageid%3D123";
    private const string ActivityId = "f:1234;x@y=z";
    private const string EscapedActivityId = "f%3A1234%3Bx%40y%3Dz";

    [Theory]
    [InlineData("send", "POST", "v3/conversations/" + EscapedChannelConversationId + "/activities")]
    [InlineData("reply", "POST", "v3/conversations/" + EscapedChannelConversationId + "/activities/" + EscapedActivityId)]
    [InlineData("update", "PUT", "v3/conversations/" + EscapedChannelConversationId + "/activities/" + EscapedActivityId)]
    [InlineData("delete", "DELETE", "v3/conversations/" + EscapedChannelConversationId + "/activities/" + EscapedActivityId)]
    [InlineData("create", "POST", "v3/conversations")]
    [InlineData("members", "GET", "v3/conversations/" + EscapedChannelConversationId + "/pagedmembers")]
    public async Task Operation_UsesMethodAndEscapedUrl_ForEachOperation(string operation, string method, string path)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, "{}");

        var result = await Invoke(harness.Client(), operation, ChannelConversationId, ActivityId);

        Assert.True(result.Succeeded);
        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(method, request.Method.Method);
        Assert.Equal(ConnectorHarness.ServiceUrl + path, request.Uri.AbsoluteUri);
        Assert.Equal("/amer/" + path, request.Uri.PathAndQuery);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/")]
    [InlineData("http://localhost:56150/_connector", "http://localhost:56150/_connector/v3/conversations/")]
    [InlineData("http://localhost:56150/_connector/", "http://localhost:56150/_connector/v3/conversations/")]
    [InlineData("https://connector.example.net", "https://connector.example.net/v3/conversations/")]
    [InlineData("https://connector.example.net/", "https://connector.example.net/v3/conversations/")]
    [InlineData("https://connector.example.net/a/b//", "https://connector.example.net/a/b/v3/conversations/")]
    [InlineData("https://connector.example.net/base?x=1#frag", "https://connector.example.net/base/v3/conversations/")]
    public async Task SendToConversation_KeepsServiceUrlPath_WithOrWithoutTrailingSlash(string serviceUrl, string expectedPrefix)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"1"}""");

        await harness.Client(serviceUrl).SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(expectedPrefix + ConnectorHarness.EscapedConversationId + "/activities", request.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("a:1Xy-z_AbC", "a%3A1Xy-z_AbC")]
    [InlineData("29:1AbCdEf-gHiJkL", "29%3A1AbCdEf-gHiJkL")]
    [InlineData("19:abc@thread.v2;messageid=123", "19%3Aabc%40thread.v2%3Bmessageid%3D123")]
    [InlineData("19:meeting_Mj@thread.skype", "19%3Ameeting_Mj%40thread.skype")]
    [InlineData("a/b?c#d%e", "a%2Fb%3Fc%23d%25e")]
    [InlineData("x y+z&w", "x%20y%2Bz%26w")]
    public async Task SendToConversation_EscapesConversationId_WhenItHasReservedCharacters(string conversationId, string escaped)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, "{}");

        await harness.Client().SendToConversationAsync(conversationId, ConnectorHarness.Message("hi"));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("/amer/v3/conversations/" + escaped + "/activities", request.Uri.PathAndQuery);
    }

    [Fact]
    public async Task SendToConversation_SendsCamelCaseJsonWithoutNulls_WithLengthAndContentType()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"1"}""");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Hello **there**",
            Conversation = new ConversationAccount { Id = ConnectorHarness.ConversationId },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-1" } },
        };

        await harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, activity);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.False(request.Chunked);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body!), request.ContentLength);
        using var json = JsonDocument.Parse(request.Body!);
        var root = json.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("Hello **there**", root.GetProperty("text").GetString());
        Assert.Equal(ConnectorHarness.ConversationId, root.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("tenant-1", root.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(root.TryGetProperty("Type", out _));
        Assert.False(root.TryGetProperty("attachments", out _));
        Assert.Empty(NullValuedPaths(root, "$"));
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("members")]
    public async Task Operation_SendsNoBody_WhenItHasNone(string operation)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK);

        await Invoke(harness.Client(), operation, ChannelConversationId, ActivityId);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Null(request.Body);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public async Task SendToConversation_SendsBearerTokenAndUserAgent_WhenProviderHasToken()
    {
        using var harness = new ConnectorHarness("eyJ.token.sig");
        harness.Handler.Then(HttpStatusCode.OK, "{}");

        await harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("Bearer eyJ.token.sig", request.Authorization);
        Assert.Equal("CoachingBot/1.0", request.UserAgent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task SendToConversation_SendsNoAuthorization_WhenProviderHasNoToken(string? token)
    {
        using var harness = new ConnectorHarness(token);
        harness.Handler.Then(HttpStatusCode.OK, "{}");

        await harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task SendToConversation_AsksForTokenAndSendsSameBody_OnEveryAttempt()
    {
        using var harness = new ConnectorHarness("token-1", "token-2");
        harness.Handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, """{"id":"9"}""");

        var result = await harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Tokens.Calls);
        var requests = harness.Handler.Requests;
        Assert.Equal(["Bearer token-1", "Bearer token-2"], requests.Select(r => r.Authorization));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].ContentLength, requests[1].ContentLength);
    }

    [Fact]
    public async Task CreateConversation_PutsTenantInChannelData_WhenChannelDataIsNull()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.Created, """{"id":"a:1new","activityId":"7","serviceUrl":"https://smba.trafficmanager.net/emea/"}""");
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
        };

        var result = await harness.Client().CreateConversationAsync(parameters);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("a:1new", result.Value?.Id);
        Assert.Equal("7", result.Value?.ActivityId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", result.Value?.ServiceUrl);
        using var json = JsonDocument.Parse(Assert.Single(harness.Handler.Requests).Body!);
        var root = json.RootElement;
        Assert.Equal("tenant-1", root.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("tenant-1", root.GetProperty("tenantId").GetString());
        Assert.False(root.GetProperty("isGroup").GetBoolean());
        Assert.Equal("29:user", root.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Null(parameters.ChannelData);
    }

    [Fact]
    public async Task CreateConversation_AddsTenantAndKeepsOtherChannelData_WhenChannelDataHasNoTenant()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"x"}""");
        var parameters = new ConversationParameters
        {
            TenantId = "tenant-1",
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:general@thread.tacv2" } },
        };

        await harness.Client().CreateConversationAsync(parameters);

        using var json = JsonDocument.Parse(Assert.Single(harness.Handler.Requests).Body!);
        var channelData = json.RootElement.GetProperty("channelData");
        Assert.Equal("tenant-1", channelData.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("19:general@thread.tacv2", channelData.GetProperty("channel").GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateConversation_KeepsCallersTenant_WhenChannelDataNamesOne()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"x"}""");
        var parameters = new ConversationParameters
        {
            TenantId = "tenant-1",
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-from-channel-data" } },
        };

        await harness.Client().CreateConversationAsync(parameters);

        using var json = JsonDocument.Parse(Assert.Single(harness.Handler.Requests).Body!);
        Assert.Equal("tenant-from-channel-data", json.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateConversation_SendsNoChannelData_WhenThereIsNoTenant()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"x"}""");

        await harness.Client().CreateConversationAsync(new ConversationParameters { Members = [new ChannelAccount { Id = "29:user" }] });

        using var json = JsonDocument.Parse(Assert.Single(harness.Handler.Requests).Body!);
        Assert.False(json.RootElement.TryGetProperty("channelData", out _));
    }

    [Fact]
    public async Task GetPagedMembers_ParsesMembersAndContinuationToken_AndSendsPagingInQuery()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """
            {"continuationToken":"next/page+2=","members":[
              {"id":"29:1a","name":"Ada","aadObjectId":"00000000-0000-0000-0000-00000000000a","email":"ada@example.com","userPrincipalName":"ada@example.com","tenantId":"t1","userRole":"user"},
              {"id":"29:1b","name":"Bo","givenName":"Bo","surname":"Li"}]}
            """);

        var result = await harness.Client().GetPagedMembersAsync(ChannelConversationId, pageSize: 50, continuationToken: "abc/def+=");

        Assert.Equal("/amer/v3/conversations/" + EscapedChannelConversationId + "/pagedmembers?pageSize=50&continuationToken=abc%2Fdef%2B%3D",
            Assert.Single(harness.Handler.Requests).Uri.PathAndQuery);
        Assert.True(result.Succeeded);
        Assert.Equal("next/page+2=", result.Value?.ContinuationToken);
        Assert.Equal(["29:1a", "29:1b"], result.Value!.Members!.Select(m => m.Id));
        Assert.Equal("ada@example.com", result.Value.Members![0].UserPrincipalName);
        Assert.Equal("Li", result.Value.Members[1].Surname);
    }

    [Theory]
    [InlineData(null, null, "")]
    [InlineData(100, null, "?pageSize=100")]
    [InlineData(null, "tok", "?continuationToken=tok")]
    [InlineData(null, "", "")]
    public async Task GetPagedMembers_LeavesOutPagingParameters_WhenNotGiven(int? pageSize, string? token, string expectedQuery)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"members":[]}""");

        await harness.Client().GetPagedMembersAsync(ConnectorHarness.ConversationId, pageSize, token);

        Assert.Equal(expectedQuery, Assert.Single(harness.Handler.Requests).Uri.Query);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task GetPagedMembers_Throws_WhenPageSizeIsNotPositive(int pageSize)
    {
        using var harness = new ConnectorHarness();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Client().GetPagedMembersAsync(ConnectorHarness.ConversationId, pageSize));
        Assert.Empty(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("send")]
    [InlineData("reply")]
    [InlineData("update")]
    [InlineData("delete")]
    [InlineData("members")]
    public async Task Operation_ThrowsArgumentException_WhenConversationIdIsEmpty(string operation)
    {
        using var harness = new ConnectorHarness();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Invoke(harness.Client(), operation, "", ActivityId));
        Assert.Empty(harness.Handler.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("Accepted")]
    [InlineData("<html>ok</html>")]
    [InlineData("""{"id":""")]
    public async Task SendToConversation_SucceedsWithoutValue_WhenTwoHundredBodyIsEmptyOrNotJson(string body)
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, body);

        var result = await harness.Client().SendToConversationAsync(ConnectorHarness.ConversationId, ConnectorHarness.Message("hi"));

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Value?.Id);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task DeleteActivity_Succeeds_WhenConnectorAnswersNoContent()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.NoContent);

        var result = await harness.Client().DeleteActivityAsync(ConnectorHarness.ConversationId, "1");

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task UpdateActivity_ReturnsTheConnectorsId_WhenItAnswersWithOne()
    {
        using var harness = new ConnectorHarness();
        harness.Handler.Then(HttpStatusCode.OK, """{"id":"1712345678901"}""");

        var result = await harness.Client().UpdateActivityAsync(ConnectorHarness.ConversationId, "1712345678901", ConnectorHarness.Message("v2"));

        Assert.Equal("1712345678901", result.Value?.Id);
    }

    internal static async Task<ConnectorResult> Invoke(IConnectorClient client, string operation, string conversationId, string activityId) =>
        operation switch
        {
            "send" => await client.SendToConversationAsync(conversationId, ConnectorHarness.Message("hi")),
            "reply" => await client.ReplyToActivityAsync(conversationId, activityId, ConnectorHarness.Message("hi")),
            "update" => await client.UpdateActivityAsync(conversationId, activityId, ConnectorHarness.Message("hi")),
            "delete" => await client.DeleteActivityAsync(conversationId, activityId),
            "create" => await client.CreateConversationAsync(new ConversationParameters { TenantId = "t" }),
            "members" => await client.GetPagedMembersAsync(conversationId),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

    private static IEnumerable<string> NullValuedPaths(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                yield return path;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var inner in NullValuedPaths(property.Value, path + "." + property.Name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in NullValuedPaths(item, $"{path}[{index++}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
