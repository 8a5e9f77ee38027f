using System.Net;
using System.Net.Sockets;

namespace CoachingBot.Tests.Support;

/// <summary>
/// A port nothing listens on right now, for a process that must be told its port up front (as a host tells the bot
/// through ASPNETCORE_URLS), where binding port 0 and reading back the real one is not an option.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        // Bound on every address, as the bot will be when told http://*:PORT; released at once for the bot to take.
        using var listener = new TcpListener(IPAddress.IPv6Any, 0);
        listener.Server.DualMode = true;
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
