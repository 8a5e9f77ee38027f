using System.Globalization;
using System.Text;
using System.Text.Json;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// The door's one set of bounds: every field a turn reads, stores or puts into a connector URL is checked here, so a
/// request that a store or the connector would choke on is refused with a 400 naming the field before anything runs.
/// </summary>
/// <remarks>
/// The limits sit above what Teams sends and below what the stores and the connector accept: the dialog-state key
/// <c>{channelId}/{conversation.id}</c> must fit a 512-character column; ids go escaped into connector URLs; PostgreSQL
/// text holds no NUL character and no ill-formed UTF-16. Fields not listed are kept as they came.
/// </remarks>
public static class ActivityValidator
{
    /// <summary>Activity types are short camelCase words ("message", "conversationUpdate").</summary>
    public const int MaxTypeLength = 64;

    /// <summary>The activity's id and <c>replyToId</c>: Teams sends a 13-digit number, or a short prefixed id.</summary>
    public const int MaxActivityIdLength = 128;

    /// <summary>"msteams"; other channels ("emulator", "webchat") are as short.</summary>
    public const int MaxChannelIdLength = 32;

    /// <summary>Teams sends <c>https://smba.trafficmanager.net/{region}/{tenant}/</c>, under 100 characters.</summary>
    public const int MaxServiceUrlLength = 512;

    /// <summary>
    /// Teams' longest (personal chats, channel threads with <c>;messageid=</c>) stay under about 200; with the channel id
    /// and a slash it must fit the 512-character dialog-state key.
    /// </summary>
    public const int MaxConversationIdLength = 400;

    /// <summary>User and bot ids (<c>29:…</c>, <c>28:…</c>), tenant, team and channel ids.</summary>
    public const int MaxAccountIdLength = 256;

    /// <summary>Entra ID object ids and tenant ids are GUIDs.</summary>
    public const int MaxGuidLikeLength = 64;

    /// <summary>Display names: Entra ID allows 256 characters.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The name of an invoke or event, such as <c>adaptiveCard/action</c>.</summary>
    public const int MaxInvokeNameLength = 128;

    /// <summary>The longest message text accepted; Teams caps what a user can send at about 28 KB.</summary>
    public const int MaxTextLength = 28_000;

    /// <summary>BCP 47 tags ("en-GB") and IANA zone ids ("America/Argentina/Buenos_Aires").</summary>
    public const int MaxLocaleLength = 64;

    /// <summary>Attachments on an inbound message: Teams adds one for the HTML copy of the text, plus files and images.</summary>
    public const int MaxAttachments = 32;

    /// <summary>Mentions and client info on one message.</summary>
    public const int MaxEntities = 128;

    /// <summary><c>membersAdded</c> or <c>membersRemoved</c> on one conversationUpdate.</summary>
    public const int MaxMembers = 1_000;

    /// <summary>Card submit data (<c>value</c>) as JSON text, in UTF-8 bytes; the bot's cards post back a few KB at most.</summary>
    public const int MaxValueBytes = 32 * 1024;

    /// <summary>How deeply <c>value</c> may nest; submits are flat, invoke payloads three or four levels deep.</summary>
    public const int MaxValueDepth = 16;

    /// <summary>Returns why the activity cannot be handled, starting with the field's name, or null when it can.</summary>
    public static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "The body is not an activity.";
        }

        var type = activity.Type;
        return Required("type", type, MaxTypeLength, Shape.Word)
            ?? Required("channelId", activity.ChannelId, MaxChannelIdLength, Shape.ChannelId)
            ?? ServiceUrl(activity.ServiceUrl)
            ?? Required("conversation.id", activity.Conversation?.Id, MaxConversationIdLength, Shape.Id)
            ?? (NeedsBot(type)
                ? Required("recipient.id", activity.Recipient?.Id, MaxAccountIdLength, Shape.Id)
                : Optional("recipient.id", activity.Recipient?.Id, MaxAccountIdLength, Shape.Id))
            ?? (type is ActivityTypes.Message or ActivityTypes.Invoke
                ? Required("id", activity.Id, MaxActivityIdLength, Shape.Id) ?? Required("from.id", activity.From?.Id, MaxAccountIdLength, Shape.Id)
                : Optional("id", activity.Id, MaxActivityIdLength, Shape.Id) ?? Optional("from.id", activity.From?.Id, MaxAccountIdLength, Shape.Id))
            ?? (type is ActivityTypes.Invoke
                ? Required("name", activity.Name, MaxInvokeNameLength, Shape.Id)
                : Optional("name", activity.Name, MaxInvokeNameLength, Shape.Id))
            ?? Account("from", activity.From, idChecked: true)
            ?? Account("recipient", activity.Recipient, idChecked: true)
            ?? Conversation(activity.Conversation)
            ?? Optional("replyToId", activity.ReplyToId, MaxActivityIdLength, Shape.Id)
            ?? Optional("locale", activity.Locale, MaxLocaleLength, Shape.Locale)
            ?? Optional("localTimezone", activity.LocalTimezone, MaxLocaleLength, Shape.TimeZone)
            ?? Optional("action", activity.Action, MaxTypeLength, Shape.Locale)
            ?? Optional("text", activity.Text, MaxTextLength, Shape.Text)
            ?? ChannelData(activity.ChannelData)
            ?? Members("membersAdded", activity.MembersAdded)
            ?? Members("membersRemoved", activity.MembersRemoved)
            ?? Count("attachments", activity.Attachments?.Count, MaxAttachments)
            ?? Entities(activity.Entities)
            ?? Value(activity.Value);
    }

    // The types whose turns reply or store a conversation reference, which names the bot. Messages and invokes also need
    // their id (Teams resends them; the id de-duplicates) and their sender.
    private static bool NeedsBot(string? type) =>
        type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;

    private static string? ServiceUrl(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "serviceUrl is missing.";
        }

        if (serviceUrl.Length > MaxServiceUrlLength)
        {
            return $"serviceUrl is longer than {MaxServiceUrlLength} characters.";
        }

        // The connector appends "/v3/conversations/..." to the path: a query, fragment or user info has no place in it.
        return Fits(serviceUrl, Shape.Id)
            && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && url.Host.Length > 0
            && url.UserInfo.Length == 0
            && url.Query.Length == 0
            && url.Fragment.Length == 0
                ? null
                : "serviceUrl is not an absolute http(s) URL without user info, query or fragment.";
    }

    private static string? Account(string field, ChannelAccount? account, bool idChecked = false) =>
        account is null
            ? null
            : (idChecked ? null : Optional(field + ".id", account.Id, MaxAccountIdLength, Shape.Id))
                ?? Optional(field + ".name", account.Name, MaxNameLength, Shape.Name)
                ?? Optional(field + ".aadObjectId", account.AadObjectId, MaxGuidLikeLength, Shape.Id)
                ?? Optional(field + ".role", account.Role, MaxTypeLength, Shape.Word);

    private static string? Conversation(ConversationAccount? conversation) =>
        conversation is null
            ? null
            : Optional("conversation.name", conversation.Name, MaxNameLength, Shape.Name)
                ?? Optional("conversation.conversationType", conversation.ConversationType, MaxTypeLength, Shape.Word)
                ?? Optional("conversation.tenantId", conversation.TenantId, MaxGuidLikeLength, Shape.Id)
                ?? Optional("conversation.aadObjectId", conversation.AadObjectId, MaxGuidLikeLength, Shape.Id)
                ?? Optional("conversation.role", conversation.Role, MaxTypeLength, Shape.Word);

    private static string? ChannelData(TeamsChannelData? data) =>
        data is null
            ? null
            : Optional("channelData.tenant.id", data.Tenant?.Id, MaxGuidLikeLength, Shape.Id)
                ?? Optional("channelData.team.id", data.Team?.Id, MaxAccountIdLength, Shape.Id)
                ?? Optional("channelData.team.name", data.Team?.Name, MaxNameLength, Shape.Name)
                ?? Optional("channelData.channel.id", data.Channel?.Id, MaxAccountIdLength, Shape.Id)
                ?? Optional("channelData.channel.name", data.Channel?.Name, MaxNameLength, Shape.Name)
                ?? Optional("channelData.eventType", data.EventType, MaxTypeLength, Shape.Word);

    private static string? Members(string field, IList<ChannelAccount>? members)
    {
        if (Count(field, members?.Count, MaxMembers) is { } problem)
        {
            return problem;
        }

        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (members[i] is null)
            {
                return $"{field}[{Index(i)}] is null.";
            }

            if (Account($"{field}[{Index(i)}]", members[i]) is { } memberProblem)
            {
                return memberProblem;
            }
        }

        return null;
    }

    // Mentions and client info are read during the turn (the bot's own mention is taken out of the text; the client's
    // locale and time zone are used): a malformed one must be refused here, not fail the turn.
    private static string? Entities(IList<Entity>? entities)
    {
        if (Count("entities", entities?.Count, MaxEntities) is { } problem)
        {
            return problem;
        }

        for (var i = 0; entities is not null && i < entities.Count; i++)
        {
            var field = $"entities[{Index(i)}]";
            var entity = entities[i];
            if (entity is null)
            {
                return field + " is null.";
            }

            if (Optional(field + ".type", entity.Type, MaxTypeLength, Shape.Id) is { } typeProblem)
            {
                return typeProblem;
            }

            try
            {
                if (string.Equals(entity.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
                {
                    var mention = entity as Mention ?? entity.As<Mention>();
                    var mentionProblem = Account(field + ".mentioned", mention?.Mentioned)
                        ?? Optional(field + ".text", mention?.Text, MaxNameLength + 16, Shape.Name);
                    if (mentionProblem is not null)
                    {
                        return mentionProblem;
                    }
                }
                else if (string.Equals(entity.Type, ClientInfo.EntityType, StringComparison.OrdinalIgnoreCase))
                {
                    var info = entity as ClientInfo ?? entity.As<ClientInfo>();
                    var infoProblem = Optional(field + ".locale", info?.Locale, MaxLocaleLength, Shape.Locale)
                        ?? Optional(field + ".timezone", info?.Timezone, MaxLocaleLength, Shape.TimeZone)
                        ?? Optional(field + ".country", info?.Country, MaxLocaleLength, Shape.Locale)
                        ?? Optional(field + ".platform", info?.Platform, MaxTypeLength, Shape.Name);
                    if (infoProblem is not null)
                    {
                        return infoProblem;
                    }
                }
            }
            catch (JsonException)
            {
                return $"{field} has a field of the wrong type for a {entity.Type} entity.";
            }
        }

        return null;
    }

    private static string? Value(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }

        if (Encoding.UTF8.GetByteCount(element.GetRawText()) > MaxValueBytes)
        {
            return $"value is larger than {MaxValueBytes} bytes.";
        }

        try
        {
            return ValueNode(element, depth: 1);
        }
        catch (InvalidOperationException)
        {
            // JsonElement reads an escaped lone surrogate ("\ud800") only when asked for the string.
            return "value has a string with ill-formed UTF-16.";
        }
    }

    private static string? ValueNode(JsonElement element, int depth)
    {
        if (depth > MaxValueDepth)
        {
            return $"value nests deeper than {MaxValueDepth} levels.";
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsStorable(property.Name))
                    {
                        return "value has a property name with a NUL character or ill-formed UTF-16.";
                    }

                    if (ValueNode(property.Value, depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (ValueNode(item, depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                return IsStorable(element.GetString()!) ? null : "value has a string with a NUL character or ill-formed UTF-16.";
            default:
                return null;
        }
    }

    private static string? Count(string field, int? count, int max) =>
        count > max ? $"{field} has more than {max} items." : null;

    private static string? Required(string field, string? value, int maxLength, Shape shape) =>
        string.IsNullOrWhiteSpace(value) ? field + " is missing." : Optional(field, value, maxLength, shape);

    private static string? Optional(string field, string? value, int maxLength, Shape shape)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"{field} is longer than {maxLength} characters.";
        }

        return Fits(value, shape) ? null : $"{field} {Describe(shape)}.";
    }

    private enum Shape
    {
        /// <summary>ASCII letters: activity, conversation and entity type names.</summary>
        Word,

        /// <summary>Lower-case ASCII letters, digits, '.', '-', '_'.</summary>
        ChannelId,

        /// <summary>Printable ASCII without spaces: what Teams ids are, and safe to escape into a URL.</summary>
        Id,

        /// <summary>ASCII letters, digits, '-' and '_' (BCP 47, installation actions).</summary>
        Locale,

        /// <summary>IANA zone ids: ASCII letters, digits, '/', '_', '-', '+'.</summary>
        TimeZone,

        /// <summary>Any text without control characters, well-formed.</summary>
        Name,

        /// <summary>Any well-formed text without NUL (line breaks and tabs allowed).</summary>
        Text,
    }

    private static bool Fits(string value, Shape shape) => shape switch
    {
        Shape.Word => value.Length > 0 && value.All(char.IsAsciiLetter),
        Shape.ChannelId => value.Length > 0 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'),
        Shape.Id => value.Length > 0 && value.All(c => c is > ' ' and < '\u007f'),
        Shape.Locale => value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
        Shape.TimeZone => value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'),
        Shape.Name => IsStorable(value) && !value.Any(char.IsControl),
        _ => IsStorable(value),
    };

    private static string Describe(Shape shape) => shape switch
    {
        Shape.Word => "is not a word of ASCII letters",
        Shape.ChannelId => "is not lower-case ASCII letters, digits, '.', '-' or '_'",
        Shape.Id => "is not printable ASCII without spaces",
        Shape.Locale => "is not ASCII letters, digits, '-' or '_'",
        Shape.TimeZone => "is not an IANA time zone id",
        Shape.Name => "has control characters or ill-formed UTF-16",
        _ => "has a NUL character or ill-formed UTF-16",
    };

    // PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded as UTF-8.
    private static bool IsStorable(string value) =>
        !value.Contains('\0', StringComparison.Ordinal) && Utf16IsWellFormed(value);

    private static bool Utf16IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
