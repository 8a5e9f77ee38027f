using CoachingBot.Models;
using CoachingBot.Sessions;

namespace CoachingBot.Tests;

/// <summary>Every .resx of the app has text in each of its neutral (English) entries.</summary>
public sealed class TextResourcesTests
{
    public static TheoryData<string> ResourceClasses() =>
        [.. TextResources.In(typeof(SessionTexts).Assembly).Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(ResourceClasses))]
    public void EveryNeutralResource_HasText(string resourceClass)
    {
        var entries = TextResources.NeutralEntries(typeof(SessionTexts).Assembly.GetType(resourceClass)!);

        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{resourceClass}.{entry.Key} is empty"));
    }

    [Fact]
    public void ResourceClasses_FindTheGeneratedClasses() =>
        Assert.Contains(typeof(ModelTexts), TextResources.In(typeof(SessionTexts).Assembly));
}

/// <summary>The classes generated from .resx files (Directory.Build.targets), found by their ResourceManager.</summary>
internal static class TextResources
{
    public static IEnumerable<Type> In(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(type => type.GetProperty("ResourceManager", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.PropertyType == typeof(System.Resources.ResourceManager));

    public static IReadOnlyDictionary<string, string?> NeutralEntries(Type resourceClass)
    {
        var manager = (System.Resources.ResourceManager)resourceClass.GetProperty("ResourceManager", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        return manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string, StringComparer.Ordinal);
    }
}
