using System.Globalization;

namespace Roundup.Publishing.Text;

/// <summary>Dates as each format wants them, always in UTC and the invariant culture.</summary>
internal static class Dates
{
    /// <summary>For readers: "27 June 2025".</summary>
    public static string Display(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339, as Atom, JSON Feed and HTML's datetime attribute take it.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 with a four-digit year, as RSS 2.0 takes it.</summary>
    public static string Rfc822(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
