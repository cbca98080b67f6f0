using System.Globalization;

namespace Roundup.Arxiv.Sources;

/// <summary>
/// Reads the e-mail style dates arXiv writes in arXivRaw version histories (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>)
/// and in RSS (<c>Fri, 23 Feb 2024 00:00:00 -0500</c>). .NET's "r" format accepts only GMT, hence this.
/// </summary>
public static class Rfc822Date
{
    private static readonly string[] Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm", "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm",
    ];

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var space = s.LastIndexOf(' ');
        if (space < 0 || !TryParseZone(s[(space + 1)..], out var offset))
        {
            return false;
        }

        if (!DateTime.TryParseExact(s[..space], Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return false;
        }

        // A zone past ±14 h, or a date that the zone moves outside year 1..9999, is not a date (fuzzing found both).
        var utcTicks = local.Ticks - offset.Ticks;
        if (offset.Duration() > MaxOffset || utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }

    private static bool TryParseZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        switch (zone.ToUpperInvariant())
        {
            case "GMT" or "UT" or "UTC" or "Z":
                return true;
            case "EST":
                offset = TimeSpan.FromHours(-5);
                return true;
            case "EDT":
                offset = TimeSpan.FromHours(-4);
                return true;
        }

        if (zone.Length == 5 && zone[0] is '+' or '-'
            && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60)
        {
            offset = new TimeSpan(hours, minutes, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }

            return true;
        }

        return false;
    }
}
