using CoachingBot.Models;
using CoachingBot.Sessions;

namespace CoachingBot.Tests.Sessions;

public sealed class ReflectionsTests
{
    [Theory]
    [InlineData("Morale is low", 20, "Morale is low")]
    [InlineData("Morale is low and I avoid the hard conversations", 20, "Morale is low and I…")]
    [InlineData("Morale is low, and I avoid it", 15, "Morale is low…")]
    [InlineData("First line\n\nsecond   line\nthird", 40, "First line / second line third")]
    [InlineData("Unbreakableverylongword", 10, "Unbreakabl…")]
    public void Shorten_CutsAtAWordBoundary_AndNeverRewords(string text, int max, string expected) =>
        Assert.Equal(expected, Reflections.Shorten(text, max));

    [Fact]
    public void SoFar_GivesOnlyThePartsTheClientHasGiven()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var conversation = new CoachingConversation
        {
            Id = Guid.NewGuid(),
            OwnerUserId = "29:client",
            ChatId = "a:1",
            ModelId = "grow",
            Status = ConversationStatus.Active,
            StartedAt = now,
            UpdatedAt = now,
            Goal = new GoalDraft("Lead the team", null, null, null, null, new DateOnly(2026, 6, 30)),
        };

        Assert.Equal("**So far** · Goal: Lead the team", Reflections.SoFar(CoachingModels.Grow, conversation));

        var later = conversation with
        {
            Answers = new Dictionary<string, string> { ["reality"] = "Morale is low" },
            Options = [new OptionItem("Mentor", Chosen: true), new OptionItem("Shadow")],
        };
        Assert.Equal("**So far** · Goal: Lead the team · Now: Morale is low · Chosen: Mentor", Reflections.SoFar(CoachingModels.Grow, later));
    }
}
