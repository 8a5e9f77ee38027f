using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Sessions;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Hosting;

/// <summary>One mutated request: what it started from, what was done to it, and the bytes to post.</summary>
public sealed record FuzzCase(int Number, string Template, IReadOnlyList<string> Mutations, byte[] Body, string ContentType)
{
    public string ActivityId => ActivityFuzzer.ActivityIdOf(Number);

    public string Describe(int maxBodyChars = 600)
    {
        var body = Encoding.UTF8.GetString(Body);
        if (body.Length > maxBodyChars)
        {
            body = body[..maxBodyChars] + $"… ({Body.Length} bytes)";
        }

        return $"case {Number}: {Template}; mutations: [{string.Join("; ", Mutations)}]; content type {ContentType}\n  body: {body}";
    }
}

/// <summary>A conversation set up before the fuzzing starts, with a card waiting for its submit.</summary>
public sealed record WaitingCard(TeamsChat Chat, string Kind, string CardActivityId, object Submit);

/// <summary>
/// Makes mutated activities from real ones: what <see cref="TeamsChat"/> builds as Teams would, and the real card submits
/// of <see cref="SessionWalk"/>. Each case is made from its own random source, seeded by the run's seed and the case
/// number, so any one case can be made again alone.
/// </summary>
public sealed class ActivityFuzzer(int seed, TeamsChat personal, TeamsChat group, IReadOnlyList<WaitingCard> waiting)
{
    /// <summary>The bot's own limit; bodies past it must be answered 413.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    // A stand-in for a lone surrogate: a string holding one cannot be serialized, so it is written in after.
    private const string LoneSurrogateMarker = "\uE000lone\uE000";

    // Deeper than the bot reads (64), so a body nested too deep can be written at all.
    private static readonly JsonSerializerOptions Writing = new(BotJson.Options) { MaxDepth = 1_000 };

    private static readonly string[] Commands = ["help", "grow", "egan", "aligraham", "start", "actions", "cancel", "reflect", "HELP ", "  grow  ", "yes", "no", "tomorrow", "2026-13-45"];

    private static readonly string[] Types =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Event, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Typing,
        "endOfConversation", "trace", "handoff", "Message", "MESSAGE", "unknownType", "",
    ];

    private static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "composeExtension/query", "composeExtension/submitAction", "task/fetch", "task/submit",
        "signin/verifyState", "signin/tokenExchange", "fileConsent/invoke", "actionableMessage/executeAction", "config/fetch",
        "application/search", "healthCheck", "no/such/invoke", "adaptivecard/ACTION", "",
    ];

    private static readonly string[] CardKindValues =
        [CardKinds.Goal, CardKinds.Options, CardKinds.OptionsWeighed, CardKinds.Actions, CardKinds.First, CardKinds.ActionList, "GOAL", "unknown", ""];

    public static string ActivityIdOf(int number) => "fuzz-" + number.ToString(CultureInfo.InvariantCulture);

    public FuzzCase Create(int number)
    {
        var random = new Random(unchecked((seed * 1_000_003) + number));
        var mutations = new List<string>();
        var (template, activity) = Template(random, number);
        activity.Id = ActivityIdOf(number);

        var root = JsonSerializer.SerializeToNode(activity, BotJson.Options)!;
        var count = random.Next(100) switch
        {
            < 15 => 0,
            < 60 => 1,
            < 85 => 2,
            _ => random.Next(3, 6),
        };
        for (var i = 0; i < count; i++)
        {
            root = Mutate(random, root, mutations);
        }

        var text = root.ToJsonString(Writing).Replace(LoneSurrogateMarker, "\\ud800", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(text);
        var contentType = "application/json";
        if (random.Next(100) < 12)
        {
            (body, contentType) = MutateRaw(random, body, contentType, mutations);
        }

        return new FuzzCase(number, template, mutations, body, contentType);
    }

    private (string Name, Activity Activity) Template(Random random, int number)
    {
        // Half the cases go to a conversation with a card waiting; the rest to a new personal or group chat.
        var roll = random.Next(100);
        if (roll < 45 && waiting.Count > 0)
        {
            var card = waiting[random.Next(waiting.Count)];
            return random.Next(100) < 70
                ? ($"submit {card.Kind} to the {card.Kind} card waiting", card.Chat.Submit(card.Submit, card.CardActivityId))
                : ($"text to the {card.Kind} card waiting", card.Chat.Message(Pick(random, Commands.Append("Morale is low").ToArray())));
        }

        var isGroup = roll >= 85;
        var chat = isGroup ? group : personal;
        var activity = random.Next(13) switch
        {
            0 or 1 or 2 => ("message text", chat.Message(Pick(random, Commands))),
            3 => ("message free text", chat.Message("I want to be braver in meetings, but I don't know where to start. 🙂")),
            4 => SubmitWithoutCard(chat, random),
            5 => ("conversationUpdate bot added", chat.Install()),
            6 => ("conversationUpdate bot removed", Removed(chat)),
            7 => Installation(chat, random),
            8 or 9 => Invoke(chat, "adaptiveCard/action", random),
            10 => Invoke(chat, Pick(random, InvokeNames), random),
            11 => ("messageReaction", Reaction(chat)),
            _ => Other(chat, random),
        };

        // A conversation of its own, so most cases do not queue behind each other.
        activity.Item2.Conversation!.Id = isGroup
            ? $"19:fuzz{number}x{random.Next():x}@thread.v2"
            : $"a:1fuzz{number}x{random.Next():x}";
        return activity;
    }

    private (string, Activity) SubmitWithoutCard(TeamsChat chat, Random random)
    {
        var card = waiting.Count > 0 ? Pick(random, waiting) : null;
        return ($"submit {card?.Kind ?? "goal"} with no card waiting", chat.Submit(card?.Submit ?? SessionWalk.Goal.Values, "no-such-card"));
    }

    private static (string, Activity) Other(TeamsChat chat, Random random)
    {
        var type = Pick(random, [ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete]);
        return (type, chat.NewActivity(type));
    }

    private static Activity Removed(TeamsChat chat)
    {
        var activity = chat.NewActivity(ActivityTypes.ConversationUpdate);
        activity.MembersRemoved = [new ChannelAccount { Id = TeamsChat.BotId, Name = TeamsChat.BotName }];
        return activity;
    }

    private static (string, Activity) Installation(TeamsChat chat, Random random)
    {
        var activity = chat.NewActivity(ActivityTypes.InstallationUpdate);
        activity.Action = Pick(random, ["add", "remove", "add-upgrade", "remove-upgrade", "frobnicate"]);
        return ("installationUpdate " + activity.Action, activity);
    }

    private static (string, Activity) Invoke(TeamsChat chat, string name, Random random)
    {
        var activity = chat.NewActivity(ActivityTypes.Invoke);
        activity.Name = name;
        activity.Value = JsonSerializer.SerializeToElement(new
        {
            action = new { type = "Action.Execute", verb = Pick(random, ["save", "refresh", "goal", ""]), data = new { card = Pick(random, CardKindValues) } },
            trigger = "manual",
        });
        return ("invoke " + name, activity);
    }

    private static Activity Reaction(TeamsChat chat)
    {
        var activity = chat.NewActivity(ActivityTypes.MessageReaction);
        activity.ReplyToId = "1616161616161";
        activity.AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["reactionsAdded"] = JsonSerializer.SerializeToElement(new[] { new { type = "like" } }),
        };
        return activity;
    }

    private static JsonNode Mutate(Random random, JsonNode root, List<string> mutations)
    {
        var slots = new List<Slot>();
        Collect(root, "$", slots, depth: 0);
        if (slots.Count == 0)
        {
            return root;
        }

        var slot = Pick(random, slots);
        switch (random.Next(12))
        {
            case 0:
            case 1:
                slot.Remove();
                mutations.Add("removed " + slot.Path);
                break;
            case 2:
                slot.Set(null);
                mutations.Add("null at " + slot.Path);
                break;
            case 3:
            case 4:
                var (wrong, label) = WrongType(random);
                slot.Set(wrong);
                mutations.Add($"{label} at {slot.Path}");
                break;
            case 5:
            case 6:
            case 7:
                var (text, what) = Payload(random);
                slot.Set(JsonValue.Create(text));
                mutations.Add($"{what} at {slot.Path}");
                break;
            case 8:
                var target = slot.Node is JsonObject o ? o : root as JsonObject;
                var name = Pick(random, ["x-fuzz", "futureField", "", "type", "__proto__", "$ref", "channelData", "💥"]) + (random.Next(2) == 0 ? "" : random.Next(1000).ToString(CultureInfo.InvariantCulture));
                if (target is not null)
                {
                    target[name] = WrongType(random).Node;
                    mutations.Add($"field \"{name}\" set in {(ReferenceEquals(target, slot.Node) ? slot.Path : "$")}");
                }

                break;
            case 9:
                if (root is JsonObject top)
                {
                    var field = Pick(random, ["type", "name", "channelId", "serviceUrl", "locale", "localTimezone", "replyToId", "action", "text"]);
                    var value = field switch
                    {
                        "type" => Pick(random, Types),
                        "name" => Pick(random, InvokeNames),
                        "channelId" => Pick(random, ["msteams", "emulator", "webchat", "MSTEAMS", new string('c', ActivityValidator.MaxChannelIdLength), new string('c', ActivityValidator.MaxChannelIdLength + 1)]),
                        "serviceUrl" => Pick(random, ["not a url", "ftp://127.0.0.1/", "/relative/", "http://127.0.0.1:1/", "https://user:pw@127.0.0.1/", "http://127.0.0.1/?q=1", "javascript:alert(1)", "http://[::1", ""]),
                        "locale" => Pick(random, ["en-GB", "fr-FR", "xx-YY", "zz", "en_GB", "de-DE-u-co-phonebk", "../../etc", new string('l', 65)]),
                        "localTimezone" => Pick(random, ["Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+14", "Not/AZone", "UTC", "../../etc/passwd", "Europe/London "]),
                        "replyToId" => Pick(random, ["1616161616161", "bot-1", new string('r', ActivityValidator.MaxActivityIdLength + 1), "../x"]),
                        "action" => Pick(random, ["add", "remove", "add-upgrade", "remove-upgrade", "?"]),
                        _ => Pick(random, Commands),
                    };
                    top[field] = value;
                    mutations.Add($"{field} = \"{Shorten(value)}\"");
                }

                break;
            case 10:
                var depth = Pick(random, [8, ActivityValidator.MaxValueDepth, ActivityValidator.MaxValueDepth + 1, 40, 63, 70, 200]);
                JsonNode nested = JsonValue.Create("bottom")!;
                for (var i = 0; i < depth; i++)
                {
                    nested = random.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["d"] = nested };
                }

                var at = random.Next(2) == 0 && root is JsonObject r ? "value" : null;
                if (at is not null)
                {
                    ((JsonObject)root)["value"] = nested;
                    mutations.Add($"value nested {depth} deep");
                }
                else
                {
                    slot.Set(nested);
                    mutations.Add($"{depth} levels of nesting at {slot.Path}");
                }

                break;
            default:
                if (root is JsonObject withLists)
                {
                    var list = Pick(random, ["entities", "attachments", "membersAdded", "membersRemoved"]);
                    var limit = list == "entities" ? ActivityValidator.MaxEntities : list == "attachments" ? ActivityValidator.MaxAttachments : ActivityValidator.MaxMembers;
                    var items = Pick(random, [0, 1, limit, limit + 1, 3 * limit]);
                    var array = new JsonArray();
                    for (var i = 0; i < items; i++)
                    {
                        array.Add(list switch
                        {
                            "entities" => new JsonObject { ["type"] = Pick(random, ["mention", "clientInfo", "other"]), ["mentioned"] = new JsonObject { ["id"] = TeamsChat.BotId }, ["text"] = "<at>CoachingBot</at>", ["timezone"] = "Europe/Paris", ["locale"] = "fr-FR" },
                            "attachments" => new JsonObject { ["contentType"] = "text/html", ["content"] = "<p>hi</p>" },
                            _ => new JsonObject { ["id"] = i == 0 ? TeamsChat.BotId : "29:member" + i.ToString(CultureInfo.InvariantCulture) },
                        });
                    }

                    withLists[list] = array;
                    mutations.Add($"{list} with {items} items");
                }

                break;
        }

        return root;
    }

    private static (byte[] Body, string ContentType) MutateRaw(Random random, byte[] body, string contentType, List<string> mutations)
    {
        switch (random.Next(9))
        {
            case 0:
            case 1:
                var cut = body.Length == 0 ? 0 : random.Next(body.Length);
                mutations.Add($"truncated to {cut} of {body.Length} bytes");
                return (body[..cut], contentType);
            case 2:
                var at = body.Length == 0 ? 0 : random.Next(body.Length);
                mutations.Add($"invalid UTF-8 inserted at byte {at}");
                return ([.. body[..at], 0xFF, 0xC3, 0x28, .. body[at..]], contentType);
            case 3:
                mutations.Add("empty body");
                return ([], contentType);
            case 4:
                mutations.Add("byte order mark first");
                return ([0xEF, 0xBB, 0xBF, .. body], contentType);
            case 5:
                mutations.Add("a second \"type\" key first");
                var text = Encoding.UTF8.GetString(body);
                return (Encoding.UTF8.GetBytes(text.Length > 0 && text[0] == '{' ? "{\"type\":\"invoke\"," + text[1..] : text), contentType);
            case 6:
                mutations.Add("body past the size limit");
                var padded = Encoding.UTF8.GetString(body);
                var filler = new string(' ', MaxBodyBytes + 1024);
                return (Encoding.UTF8.GetBytes(padded.Length > 0 && padded[0] == '{' ? "{" + filler + padded[1..] : filler + padded), contentType);
            case 7:
                var type = Pick(random, ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""]);
                mutations.Add($"content type \"{type}\"");
                return (body, type);
            default:
                mutations.Add("random bytes");
                var bytes = new byte[random.Next(1, 2048)];
                random.NextBytes(bytes);
                return (bytes, contentType);
        }
    }

    private static (JsonNode? Node, string Label) WrongType(Random random) => random.Next(9) switch
    {
        0 => (JsonValue.Create(0), "number 0"),
        1 => (JsonValue.Create(-1.5e308), "number -1.5e308"),
        2 => (JsonValue.Create(true), "true"),
        3 => (new JsonArray(), "empty array"),
        4 => (new JsonObject(), "empty object"),
        5 => (new JsonArray(1, "a", null, new JsonObject { ["b"] = false }), "mixed array"),
        6 => (JsonValue.Create("a string"), "a string"),
        7 => (new JsonObject { ["id"] = "29:x", ["name"] = 5, ["card"] = "goal" }, "an object with odd fields"),
        _ => (JsonValue.Create(long.MaxValue), "long.MaxValue"),
    };

    private static (string Text, string Label) Payload(Random random) => random.Next(22) switch
    {
        0 => ("", "empty string"),
        1 => ("   ", "whitespace"),
        2 => (new string('x', 100_000), "100,000 x"),
        3 => (string.Concat(Enumerable.Repeat("😀", 5_000)), "5,000 emoji"),
        4 => ("a\0b", "NUL inside"),
        5 => ("\u0001\u0007\u001b[31m\u007f", "control characters"),
        6 => ("ok" + LoneSurrogateMarker, "lone surrogate"),
        7 => ("\u202Eevil\u200B\uFEFF", "bidi and zero-width"),
        8 => ("<at>CoachingBot</at> help", "mention markup"),
        9 => ("<script>alert(1)</script><img src=x onerror=alert(1)>", "markup"),
        10 => ("'; DROP TABLE conversations;--", "SQL"),
        11 => ("../../../../etc/passwd", "path traversal"),
        12 => ("%2F%3F%23/?#:;@&=+$,", "URL metacharacters"),
        13 => ("2026-02-30", "impossible date"),
        14 => ("9999-12-31", "far date"),
        15 => ("1e309", "overflowing number"),
        16 => ("-1", "negative"),
        17 => ("10000000000000000000000", "huge integer"),
        18 => (new string('i', ActivityValidator.MaxConversationIdLength), "400 characters"),
        19 => (new string('i', ActivityValidator.MaxConversationIdLength + 1), "401 characters"),
        20 => (new string('n', ActivityValidator.MaxAccountIdLength + 1), "257 characters"),
        _ => (new string('t', ActivityValidator.MaxTextLength + 1), "28,001 characters"),
    };

    private static void Collect(JsonNode? node, string path, List<Slot> slots, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childPath = path + "." + key;
                    slots.Add(new Slot(obj, key, -1, child, childPath));
                    Collect(child, childPath, slots, depth + 1);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    slots.Add(new Slot(array, null, i, array[i], childPath));
                    Collect(array[i], childPath, slots, depth + 1);
                }

                break;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + $"… ({value.Length} chars)" : value;

    private sealed record Slot(JsonNode Parent, string? Key, int Index, JsonNode? Node, string Path)
    {
        public void Remove()
        {
            if (Parent is JsonObject obj)
            {
                obj.Remove(Key!);
            }
            else if (Parent is JsonArray array && Index < array.Count)
            {
                array.RemoveAt(Index);
            }
        }

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject obj)
            {
                obj[Key!] = value;
            }
            else if (Parent is JsonArray array && Index < array.Count)
            {
                array[Index] = value;
            }
        }
    }
}
