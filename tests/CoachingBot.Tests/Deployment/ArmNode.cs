namespace CoachingBot.Tests.Deployment;

/// <summary>A parsed ARM template expression: literals, function calls, and property or index access.</summary>
internal abstract record ArmNode;

internal sealed record ArmLiteral(object? Value) : ArmNode;

internal sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments) : ArmNode;

internal sealed record ArmMember(ArmNode Target, string Name) : ArmNode;

internal sealed record ArmIndex(ArmNode Target, ArmNode Key) : ArmNode;
