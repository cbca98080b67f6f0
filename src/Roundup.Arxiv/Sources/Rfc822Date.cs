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
        if (TryParseCommon(text, out value))
        {
            return true;
        }

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

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    // The one shape a snapshot's 2.7M records use (Mon, 2 Apr 2007 19:18:42 GMT), read without the general parser;
    // anything else, or anything doubtful (a weekday that does not match), is left to it.
    private static bool TryParseCommon(string? s, out DateTimeOffset value)
    {
        value = default;
        if (s is null || s.Length is < 28 or > 29 || s[3] != ',' || s[4] != ' ' || !s.EndsWith(" GMT", StringComparison.Ordinal))
        {
            return false;
        }

        var i = 5;
        var day = Digits(s, ref i, 1, 2);
        if (day < 0 || s[i++] != ' ')
        {
            return false;
        }

        var month = Array.IndexOf(Months, s.Substring(i, 3)) + 1;
        i += 3;
        if (month == 0 || s[i++] != ' ')
        {
            return false;
        }

        var year = Digits(s, ref i, 4, 4);
        var ok = year >= 1 && s[i++] == ' ';
        var hour = ok ? Digits(s, ref i, 2, 2) : -1;
        ok = hour is >= 0 and < 24 && s[i++] == ':';
        var minute = ok ? Digits(s, ref i, 2, 2) : -1;
        ok = minute is >= 0 and < 60 && s[i++] == ':';
        var second = ok ? Digits(s, ref i, 2, 2) : -1;
        if (second is < 0 or >= 60 || i != s.Length - 4 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (!s.AsSpan(0, 3).SequenceEqual(Days[(int)date.DayOfWeek]))
        {
            return false;
        }

        value = new DateTimeOffset(date, TimeSpan.Zero);
        return true;
    }

    private static int Digits(string s, ref int i, int min, int max)
    {
        var value = 0;
        var count = 0;
        while (count < max && i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i++] - '0');
            count++;
        }

        return count >= min ? value : -1;
    }
}
