using CoachingBot.Care;

namespace CoachingBot.Tests.Care;

public sealed class CareOptionsValidatorTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("EAP: 0800 000 0000", "https://wellbeing.example.com", "999", null)]
    [InlineData(null, "http://intranet/wellbeing", null, null)]
    [InlineData(null, "wellbeing.example.com", null, "Care:SupportUrl must be an absolute http or https URL")]
    [InlineData(null, "javascript:alert(1)", null, "Care:SupportUrl must be an absolute http or https URL")]
    [InlineData(null, null, "112 or 999 or any number that is far longer than anyone would ever need to write", "Care:EmergencyNumber must be 60 characters or fewer")]
    public void Validate_NamesTheKey_WhenASettingCannotBeShown(string? line, string? url, string? emergency, string? failure)
    {
        var result = new CareOptionsValidator().Validate(null, new CareOptions { SupportLine = line, SupportUrl = url, EmergencyNumber = emergency });

        Assert.Equal(failure, result.Failed ? Assert.Single(result.Failures!) : null);
    }

    [Fact]
    public void Validate_Fails_WhenTheSupportLineIsAnEssay()
    {
        var result = new CareOptionsValidator().Validate(null, new CareOptions { SupportLine = new string('x', CareOptionsValidator.MaxSupportLineLength + 1) });

        Assert.True(result.Failed);
    }
}
