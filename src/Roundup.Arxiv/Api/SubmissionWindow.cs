using System.Globalization;
using Roundup.Calendar;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Api;

/// <summary>
/// The submission times (GMT) whose papers can be listed in a window of listing dates: from the 14:00 Eastern
/// cut-off that opens the first listing's batch, moved four days earlier for moderation delays, to the cut-off
/// that closes the last listing's batch.
/// </summary>
public readonly record struct SubmissionWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public const int ModerationDays = 4;

    private static readonly TimeOnly Cutoff = new(14, 0);

    public static SubmissionWindow For(ArxivCalendar calendar, DateOnly first, DateOnly last)
    {
        var start = LatestCutoff(first, c => calendar.ExpectedListingDate(c.AddMinutes(-1)) < first);
        var end = LatestCutoff(last, c => calendar.ExpectedListingDate(c.AddMinutes(-1)) <= last);
        return new SubmissionWindow(start.AddDays(-ModerationDays).ToUniversalTime(), end.ToUniversalTime());
    }

    /// <summary>The API's <c>submittedDate:[... TO ...]</c> clause.</summary>
    public string ToQuery() => string.Create(CultureInfo.InvariantCulture,
        $"submittedDate:[{Start.UtcDateTime:yyyyMMddHHmm} TO {End.UtcDateTime:yyyyMMddHHmm}]");

    // Walks back from the date, one day at a time, to the first 14:00 Eastern cut-off that passes the test.
    private static DateTimeOffset LatestCutoff(DateOnly from, Func<DateTimeOffset, bool> passes)
    {
        for (var back = 0; back < 21; back++)
        {
            var local = from.AddDays(-back).ToDateTime(Cutoff);
            var cutoff = new DateTimeOffset(local, ArxivCalendar.Eastern.GetUtcOffset(local));
            if (passes(cutoff))
            {
                return cutoff;
            }
        }

        throw new InvalidOperationException($"no submission cut-off within three weeks before {from:yyyy-MM-dd}: the holiday calendar looks wrong");
    }
}
