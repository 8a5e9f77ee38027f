namespace CoachingBot.Models;

/// <summary>One stage of a coaching model: what it is for, what a coach would ask, and what it keeps.</summary>
/// <param name="Id">Stable id, stored with answers; never renamed once released.</param>
/// <param name="Title">The stage's name as the model's author gives it.</param>
/// <param name="Purpose">What the stage is for, in one line the client reads.</param>
/// <param name="Questions">Two to four coaching questions; the first leads, the others help the client go deeper.</param>
/// <param name="Captures">What the stage collects.</param>
public sealed record Stage(string Id, string Title, string Purpose, IReadOnlyList<string> Questions, CaptureKind Captures);
