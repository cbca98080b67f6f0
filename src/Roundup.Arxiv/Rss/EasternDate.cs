using System.Globalization;
using Roundup.Arxiv.OaiPmh;
using Roundup.Calendar;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>The date, in America/New_York, of a feed timestamp (RFC 822 in RSS, ISO 8601 in Atom).</summary>
public static class EasternDate
{
    public static DateOnly? FromRfc822(string? text) =>
        Rfc822Date.TryParse(text, out var d) ? Of(d) : null;

    public static DateOnly? FromIso(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? Of(d) : null;

    public static DateOnly Of(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ArxivCalendar.Eastern).DateTime);
}
