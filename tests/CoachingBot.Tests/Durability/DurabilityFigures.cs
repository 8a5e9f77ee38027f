using System.Globalization;
using System.Text;
using CoachingBot.Tests.Support;
using Xunit.Abstractions;

namespace CoachingBot.Tests.Durability;

/// <summary>
/// What a durability run counted, from both ends: the walkers' accepted messages and the fake connector's record.
/// Written to the test output and to <c>{test bin}/durability/{name}.txt</c>, which eng/test.sh prints after the run.
/// </summary>
internal sealed record DurabilityFigures(
    string Name,
    int Conversations,
    int Completed,
    int Accepted,
    int Answered,
    int Unanswered,
    int Incomplete,
    int Repeated,
    int MostRepeatedInAConversation,
    int RepeatedUpdates,
    int Apologies,
    int Resends,
    int AbandonedSends,
    int Stops,
    int StopsWithMessagesInFlight,
    TimeSpan Elapsed,
    IReadOnlyList<string> Problems)
{
    /// <summary>The folder the figures files go to; eng/test.sh empties it before a run and prints it after.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "durability");

    public static DurabilityFigures Count(
        string name,
        IReadOnlyList<GrowWalker> walkers,
        FakeConnector connector,
        ResendingSender sender,
        int stops,
        int stopsWithMessagesInFlight,
        TimeSpan elapsed)
    {
        var accepted = walkers.SelectMany(w => w.Accepted).ToList();
        var unanswered = accepted.Where(m => !m.Answered).ToList();
        var calls = connector.Calls;
        return new DurabilityFigures(
            name,
            walkers.Count,
            walkers.Count(w => w.Outcome == WalkOutcome.Completed),
            accepted.Count,
            accepted.Count(m => m.Answered),
            unanswered.Count(m => GrowWalker.RepliesTo(connector.CallsIn(m.ConversationId), m.ActivityId).Count == 0),
            unanswered.Count(m => GrowWalker.RepliesTo(connector.CallsIn(m.ConversationId), m.ActivityId).Count > 0),
            Repeats(calls, "POST"),
            calls.GroupBy(c => c.ConversationId).Select(g => Repeats(g, "POST")).DefaultIfEmpty(0).Max(),
            Repeats(calls, "PUT"),
            walkers.Sum(w => w.Apologies),
            sender.Resends,
            calls.Count(c => c.Status == FakeConnector.StatusClientClosed),
            stops,
            stopsWithMessagesInFlight,
            elapsed,
            [.. walkers.Where(w => w.Problem is not null).Select(w => w.Outcome + ": " + w.Problem)]);
    }

    /// <summary>Deliveries beyond the first of the same content, in the same conversation, in reply to the same message.</summary>
    public static int Repeats(IEnumerable<RecordedCall> calls, string method) =>
        calls.Where(c => c.Status == 200 && c.Method == method && c.Activity.ReplyToId is not null)
            .GroupBy(c => (c.ConversationId, c.Activity.ReplyToId, c.Method == "PUT" ? c.ActivityId : null, TeamsChat.Content(c.Activity)))
            .Sum(g => g.Count() - 1);

    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"durability: {Name}");
        text.AppendLine(culture, $"  conversations {Conversations}, walked to the summary {Completed}");
        text.AppendLine(culture, $"  messages accepted (HTTP 200) {Accepted}: answered {Answered}, unanswered {Unanswered}, answered in part {Incomplete}");
        text.AppendLine(culture, $"  replies repeated {Repeated}, at most {MostRepeatedInAConversation} in one conversation (card updates repeated {RepeatedUpdates}); turns answered with the apology {Apologies}");
        text.AppendLine(culture, $"  stops {Stops} ({StopsWithMessagesInFlight} with messages in flight); posts resent by the client {Resends}; sends cut off at the connector {AbandonedSends}");
        text.AppendLine(culture, $"  took {Elapsed.TotalSeconds:0.0} s");
        foreach (var problem in Problems.Take(10))
        {
            text.AppendLine(culture, $"  ! {problem}");
        }

        if (Problems.Count > 10)
        {
            text.AppendLine(culture, $"  ! ... and {Problems.Count - 10} more");
        }

        return text.ToString();
    }

    public void Report(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = ToString();
        output.WriteLine(text);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, Name + ".txt"), text);
    }
}
