namespace CoachingBot.Teams.Hosting;

/// <summary>The application's turn handler: called once per inbound activity, one turn at a time per conversation.</summary>
public interface IBot
{
    /// <summary>Handles one activity. Replies are queued on <paramref name="turn"/> and sent when the turn ends.</summary>
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
