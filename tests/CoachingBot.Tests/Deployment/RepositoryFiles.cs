using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachingBot.Tests.Deployment;

/// <summary>Files of the repository the tests run from, found by walking up to the folder holding CoachingBot.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string TemplatePath => Path.Combine(Root.Value, "deploymentTemplates", "azuredeploy.json");

    public static string ParametersPath => Path.Combine(Root.Value, "deploymentTemplates", "azuredeploy.parameters.json");

    public static string AppProjectPath => Path.Combine(Root.Value, "src", "CoachingBot", "CoachingBot.csproj");

    public static string ManifestPath => Path.Combine(Root.Value, "manifest", "manifest.json");

    public static JsonObject ReadJsonObject(string path)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: options) as JsonObject
            ?? throw new InvalidDataException($"{path} does not hold a JSON object");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoachingBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds CoachingBot.sln");
    }
}
