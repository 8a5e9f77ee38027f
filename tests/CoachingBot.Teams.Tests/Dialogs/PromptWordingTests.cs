using System.Collections;
using System.Globalization;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>The library's own words are in its .resx files: every English entry has text, and the buttons read back.</summary>
public sealed class PromptWordingTests
{
    public static TheoryData<string> Resources() => ["PromptWording", "FormWording"];

    [Theory]
    [MemberData(nameof(Resources))]
    public void EveryNeutralEntry_HasText(string name)
    {
        var manager = name == "PromptWording" ? PromptWording.ResourceManager : FormWording.ResourceManager;
        var entries = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value as string), $"{name}.{entry.Key} is empty"));
    }

    [Fact]
    public void ConfirmButtons_AreReadAsYesAndNo_WhenTheyPostTheirLabelBack()
    {
        Assert.True(YesNoWords.Read(PromptTexts.Yes));
        Assert.False(YesNoWords.Read(PromptTexts.No));
    }

    [Fact]
    public void EveryCompositeText_ParsesAsAFormat()
    {
        var formats = typeof(PromptTexts).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(System.Text.CompositeFormat))
            .ToList();

        Assert.NotEmpty(formats);
        Assert.All(formats, property => Assert.NotNull(property.GetValue(null)));
    }
}
