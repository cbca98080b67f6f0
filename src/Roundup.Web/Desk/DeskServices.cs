using Roundup.Calendar;
using Roundup.Storage;

namespace Roundup.Web.Desk;

/// <summary>
/// What the curator's desk needs: the store (its curators' accounts and the weeks it shows), arXiv's calendar, the
/// clock, and the folder its cookie keys are kept in (so a restart signs nobody out).
/// </summary>
public sealed record DeskServices(IRoundupStore Store, ArxivCalendar Calendar, string KeysDirectory, TimeProvider Time);
