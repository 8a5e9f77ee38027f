using System.Text.Json.Nodes;

namespace CoachingBot.Tests.Deployment;

/// <summary>Read access to an ARM JSON template: its parameters, variables, resources and every expression in it.</summary>
internal sealed class ArmTemplate(JsonObject document)
{
    public const string WebAppType = "Microsoft.Web/sites";
    public const string PlanType = "Microsoft.Web/serverfarms";
    public const string BotType = "Microsoft.BotService/botServices";
    public const string BotChannelType = "Microsoft.BotService/botServices/channels";
    public const string SecretType = "Microsoft.KeyVault/vaults/secrets";

    public static ArmTemplate Load() => new(RepositoryFiles.ReadJsonObject(RepositoryFiles.TemplatePath));

    public JsonObject Document => document;

    public JsonObject Parameters => document["parameters"] as JsonObject ?? [];

    public JsonObject Variables => document["variables"] as JsonObject ?? [];

    public JsonObject Outputs => document["outputs"] as JsonObject ?? [];

    public IReadOnlyList<JsonObject> Resources =>
        (document["resources"] as JsonArray ?? []).Select(resource => resource as JsonObject
            ?? throw new InvalidDataException("a resource is not a JSON object")).ToList();

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject SingleResource(string type) => Assert.Single(ResourcesOfType(type));

    public JsonObject WebApp => SingleResource(WebAppType);

    /// <summary>The web app's app settings as written in the template: names and unevaluated values.</summary>
    public IReadOnlyList<(string Name, string Value)> WebAppSettings =>
        (WebApp["properties"]?["siteConfig"]?["appSettings"] as JsonArray ?? [])
        .Select(setting => setting as JsonObject ?? throw new InvalidDataException("an app setting is not a JSON object"))
        .Select(setting => ((string?)setting["name"] ?? throw new InvalidDataException("an app setting has no name"),
            (string?)setting["value"] ?? throw new InvalidDataException($"app setting {setting["name"]} has no string value")))
        .ToList();

    /// <summary>Every string in the template that ARM evaluates: values and property names in "[...]" form.</summary>
    public IEnumerable<string> Expressions() => Strings(document).Where(ArmExpressionEvaluator.IsExpression);

    private static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    yield return key;
                    foreach (var text in Strings(value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (var text in array.SelectMany(Strings))
                {
                    yield return text;
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }
}
