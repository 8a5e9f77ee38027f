namespace CoachingBot.Tests.Deployment;

/// <summary>The test-side ARM evaluator: the scenario tests are only as right as it is.</summary>
public sealed class ArmExpressionEvaluatorTests
{
    private static readonly Dictionary<string, object?> Parameters = new()
    {
        ["name"] = "bot",
        ["flag"] = true,
        ["empty"] = string.Empty,
    };

    private static readonly Dictionary<string, string> Variables = new()
    {
        ["twice"] = "[concat(parameters('name'), parameters('name'))]",
        ["loop"] = "[variables('loop')]",
    };

    private readonly ArmExpressionEvaluator _evaluator = new(
        name => Parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name),
        name => Evaluator().EvaluateValue(Variables[name]));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("[[not an expression]", "[not an expression]")]
    [InlineData("['it''s']", "it's")]
    [InlineData("[parameters('name')]", "bot")]
    [InlineData("[variables('twice')]", "botbot")]
    [InlineData("[format('{0}-{1}', parameters('name'), 'x')]", "bot-x")]
    [InlineData("[concat('https://', parameters('name'), '/api')]", "https://bot/api")]
    [InlineData("[if(parameters('flag'), 'yes', 'no')]", "yes")]
    [InlineData("[if(not(parameters('flag')), 'yes', 'no')]", "no")]
    [InlineData("[if(empty(parameters('empty')), 'none', 'some')]", "none")]
    [InlineData("[if(and(parameters('flag'), equals(parameters('name'), 'bot')), 'both', 'not both')]", "both")]
    [InlineData("[if(equals(parameters('name'), 'Bot'), 'same', 'differs')]", "differs")]
    [InlineData("[toLower('AbC')]", "abc")]
    [InlineData("[resourceId('Microsoft.KeyVault/vaults/secrets', 'kv', 's')]", "/subscriptions/" + ArmExpressionEvaluator.SubscriptionId + "/resourceGroups/" + ArmExpressionEvaluator.ResourceGroupName + "/providers/Microsoft.KeyVault/vaults/kv/secrets/s")]
    [InlineData("[reference(resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01').defaultHostName]", "bot.azurewebsites.net")]
    [InlineData("[subscription().tenantId]", ArmExpressionEvaluator.TenantId)]
    [InlineData("[resourceGroup()['location']]", ArmExpressionEvaluator.Location)]
    public void EvaluateValue_GivesWhatArmWould(string value, string expected) =>
        Assert.Equal(expected, _evaluator.EvaluateValue(value));

    [Fact]
    public void EvaluateValue_EvaluatesOnlyTheChosenBranchOfIf()
    {
        Assert.Equal("safe", _evaluator.EvaluateValue("[if(parameters('flag'), 'safe', parameters('missing'))]"));
        Assert.Throws<KeyNotFoundException>(() => _evaluator.EvaluateValue("[if(parameters('flag'), parameters('missing'), 'safe')]"));
    }

    [Fact]
    public void UniqueStringAndGuid_AreStableForTheSameInputs_AndDifferForOthers()
    {
        Assert.Equal(_evaluator.EvaluateValue("[uniqueString('a', 'b')]"), _evaluator.EvaluateValue("[uniqueString('a', 'b')]"));
        Assert.NotEqual(_evaluator.EvaluateValue("[uniqueString('a', 'b')]"), _evaluator.EvaluateValue("[uniqueString('a', 'c')]"));
        Assert.Matches("^u[0-9a-f]{12}$", (string?)_evaluator.EvaluateValue("[uniqueString('a')]"));
        Assert.True(Guid.TryParse((string?)_evaluator.EvaluateValue("[guid('a', 'b')]"), out _));
    }

    [Theory]
    [InlineData("[unknownFunction('x')]", typeof(NotSupportedException))]
    [InlineData("[parameters('name']", typeof(FormatException))]
    [InlineData("['unterminated]", typeof(FormatException))]
    [InlineData("[parameters('name') extra]", typeof(FormatException))]
    [InlineData("[parameters('name').property]", typeof(InvalidOperationException))]
    [InlineData("[resourceId('Microsoft.KeyVault/vaults/secrets', 'kv')]", typeof(ArgumentException))]
    public void EvaluateValue_FailsLoudly_OnWhatItCannotEvaluate(string value, Type expected)
    {
        var exception = Record.Exception(() => _evaluator.EvaluateValue(value));

        Assert.IsType(expected, exception);
    }

    private static ArmExpressionEvaluator Evaluator() => new(
        name => Parameters[name],
        name => throw new InvalidOperationException($"nested variable {name}"));
}
