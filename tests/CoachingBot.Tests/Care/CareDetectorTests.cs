using CoachingBot.Care;

namespace CoachingBot.Tests.Care;

public sealed class CareDetectorTests
{
    private static readonly CareDetector Detector = new();

    [Theory]
    // Suicide and wanting to die
    [InlineData("I've been thinking about suicide.")]
    [InlineData("Sometimes I feel suicidal")]
    [InlineData("I’m suicidal")] // curly apostrophe, as Teams on a phone sends it
    [InlineData("I want to kill myself")]
    [InlineData("I just want to end it all")]
    [InlineData("I don't want to live anymore")]
    [InlineData("I dont want to wake up tomorrow")]
    [InlineData("I wish I was dead")]
    [InlineData("Everyone would be better off without me")]
    [InlineData("Honestly I'd be better off dead")]
    [InlineData("I keep thinking about ending my life")]
    [InlineData("I'm thinking of taking my own life")]
    [InlineData("There's no reason to live")]
    [InlineData("There is no point in living")]
    [InlineData("Life isn't worth living")]
    [InlineData("life doesn't feel worth it any more")]
    [InlineData("I've had thoughts of killing myself")]
    [InlineData("I want to die")]
    [InlineData("Things at work are fine, but I want to die")] // the negation-free clause counts
    [InlineData("I overdosed last weekend")]
    [InlineData("I can't go on.")]
    [InlineData("I can't go on like this")]
    // Self-harm
    [InlineData("I've been self-harming again")]
    [InlineData("I want to hurt myself")]
    [InlineData("I feel like hurting myself")]
    [InlineData("I cut myself on purpose last night")]
    [InlineData("I keep cutting myself")]
    // Panic and acute distress
    [InlineData("I had a panic attack at work yesterday")] // the message from the issue
    [InlineData("I KEEP HAVING PANIC ATTACKS before meetings")]
    [InlineData("I had an anxiety attack in the car park")]
    [InlineData("I think I'm having a breakdown")]
    [InlineData("I had a nervous breakdown last year and it's coming back")]
    [InlineData("I can't stop crying at my desk")]
    [InlineData("I feel completely worthless")]
    [InlineData("I feel hopeless")]
    [InlineData("I can't cope any more")]
    [InlineData("I'm falling apart")]
    [InlineData("I'm in crisis")]
    // Abuse and violence
    [InlineData("My partner hits me")]
    [InlineData("My boyfriend beat me last night")]
    [InlineData("My husband threatened to kill me")]
    [InlineData("I'm scared to go home")]
    [InlineData("I'm being abused")]
    [InlineData("I was sexually assaulted at the conference")]
    [InlineData("My manager is sexually harassing me")]
    [InlineData("I'm being bullied at work and I can't take it any more")]
    [InlineData("I'm in an abusive relationship")]
    [InlineData("I'm afraid of my partner")]
    [InlineData("domestic violence at home is getting worse")]
    // Not safe
    [InlineData("I don't feel safe at home")]
    [InlineData("I'm not safe")]
    [InlineData("my kids are in danger")]
    public void Signals_IsTrue_WhenTheMessageSignalsDistressOrRisk(string message)
    {
        Assert.True(Detector.Signals(message), $"Should offer care: \"{message}\"");
    }

    [Theory]
    // Idiom with the words of the list
    [InlineData("This deadline is killing me")]
    [InlineData("Honestly, the travel is killing me")]
    [InlineData("I'm dying to try the new planning tool")]
    [InlineData("The project died when the funding went")]
    [InlineData("We had a crisis meeting about the budget")]
    [InlineData("I'm in a crisis meeting all afternoon")]
    [InlineData("The budget is in crisis")]
    [InlineData("Moving teams now would be career suicide")]
    [InlineData("I nearly killed myself laughing at the team quiz")]
    [InlineData("I wanted to die of embarrassment when the demo crashed")]
    [InlineData("I don't want to die on this hill")]
    [InlineData("I'd rather die than give that presentation again")]
    [InlineData("I could kill for a holiday right now")]
    [InlineData("We're killing it this quarter")]
    [InlineData("The deadline is a killer")]
    [InlineData("I overdosed on coffee before the pitch")]
    [InlineData("I can't go on holiday until the release ships")]
    [InlineData("We can't go on to phase two until the data is in")]
    [InlineData("Finance sent me a breakdown of the costs")]
    [InlineData("I had a breakdown of the figures by region")]
    [InlineData("The plan fell apart in the third quarter")]
    [InlineData("The project is in danger of slipping")]
    [InlineData("It's a hopeless spreadsheet, honestly")]
    // Negations
    [InlineData("I'm not suicidal, just really tired of this workload")]
    [InlineData("I've never had a panic attack, but presentations make me nervous")]
    [InlineData("No thoughts of hurting myself, I just feel flat")]
    // Stress, pressure and difficult people: the ordinary material of coaching
    [InlineData("I feel under a lot of pressure this quarter")]
    [InlineData("I'm stressed about the board presentation")]
    [InlineData("I'm panicking a bit about the deadline")]
    [InlineData("My manager is driving me mad with last-minute changes")]
    [InlineData("My boss micromanages everything I do")]
    [InlineData("A colleague keeps taking credit for my work")]
    [InlineData("The reorganisation is a nightmare")]
    [InlineData("I hate conflict with my peers")]
    [InlineData("My team is burnt out after the launch")]
    [InlineData("I feel overwhelmed by my inbox")]
    [InlineData("She's the most difficult stakeholder I've worked with")]
    [InlineData("He shouts in meetings and everyone goes quiet")]
    [InlineData("I'm exhausted after back-to-back meetings")]
    [InlineData("The client is threatening to cancel the contract")]
    [InlineData("I'm terrified of public speaking")]
    [InlineData("My heart races before every all-hands")]
    [InlineData("I dread Monday mornings")]
    [InlineData("The pressure from above is relentless")]
    [InlineData("I feel like I'm drowning in work")]
    [InlineData("I'm worried my team doesn't respect me")]
    [InlineData("My manager hurt my feelings in the review")]
    [InlineData("I don't feel safe giving feedback to my boss")]
    [InlineData("I'm at breaking point with this project")]
    [InlineData("I'm sick of the politics")]
    [InlineData("Morale is low and I avoid the hard conversations")]
    [InlineData("I can't cope with the number of meetings I'm in")]
    [InlineData("I keep hurting my back carrying the kit to events")]
    [InlineData("I cut myself shaving before the interview")]
    [InlineData("")]
    public void Signals_IsFalse_ForOrdinaryCoachingTalk(string message)
    {
        Assert.False(Detector.Signals(message), $"Should coach as usual: \"{message}\"");
    }

    [Fact]
    public void Constructor_ReadsTheEmbeddedPhraseList_WithEveryPatternValid()
    {
        Assert.True(Detector.SignalCount >= 30, $"Only {Detector.SignalCount} signal patterns were read.");
    }

    [Theory]
    [InlineData("[signals]\n# a comment\n\\bsuicid(e\n", "line 3 is not a valid pattern")]
    [InlineData("\\bpanic attack\\b\n", "before the [signals] or [ordinary] heading")]
    [InlineData("[ordinary]\n\\bcareer suicide\\b\n", "no [signals]")]
    public void Constructor_Throws_WhenThePhraseListIsBroken(string phrases, string reason)
    {
        var error = Assert.Throws<FormatException>(() => new CareDetector(phrases));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
