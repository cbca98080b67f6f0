using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Storage;

namespace Roundup.Web.Desk;

/// <summary>
/// What the curator's desk needs: the server's host (its options make a fresh host for each background job), the
/// store its pages read and its curators sign in against, and the folder its cookie keys are kept in (so a restart
/// signs nobody out).
/// </summary>
public sealed class DeskServices(RoundupHost host, IRoundupStore store, string keysDirectory)
{
    public RoundupHost Host { get; } = host;

    public IRoundupStore Store { get; } = store;

    public string KeysDirectory { get; } = keysDirectory;

    public ArxivCalendar Calendar => Host.Calendar;

    public TimeProvider Time => Host.Time;
}
