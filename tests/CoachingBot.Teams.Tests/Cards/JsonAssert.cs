using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Tests.Cards;

/// <summary>Compares JSON as trees, so whitespace and property order do not matter but every name and value does.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        if (!JsonNode.DeepEquals(expected, actual))
        {
            var indented = new JsonSerializerOptions { WriteIndented = true };
            Assert.Fail($"JSON differs.\nExpected:\n{expected?.ToJsonString(indented)}\nActual:\n{actual?.ToJsonString(indented)}");
        }
    }

    /// <summary>Every object in the tree that has a "type" has it as its first property.</summary>
    public static void TypeComesFirst(string json)
    {
        using var document = JsonDocument.Parse(json);
        Visit(document.RootElement, "$");

        static void Visit(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "type")
                    {
                        Assert.True(index == 0, $"\"type\" is property {index} at {path}");
                    }

                    Visit(property.Value, $"{path}.{property.Name}");
                    index++;
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, $"{path}[{i++}]");
                }
            }
        }
    }
}
