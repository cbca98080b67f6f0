using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Roundup.Calendar;

namespace Roundup.Selection;

/// <summary>
/// What a funnel run's judgements, stage runs and curator decisions are stored under: an issue's week
/// (<c>2025-W26</c>), a range of listing dates (<c>2025-06-02..2025-06-06</c>), or an evaluation run, one per window
/// and row (<c>eval 2025-06-02..2025-06-06 funnel</c>). Those texts are what the store keeps, and
/// <see cref="ToString"/> and <see cref="Parse"/> give and take exactly them.
/// </summary>
public readonly record struct SelectionKey
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string RangeSeparator = "..";
    private const string EvaluationPrefix = "eval ";

    private SelectionKey(IssueWeek? week, DateOnly first, DateOnly last, string? evaluationRun)
    {
        Week = week;
        First = first;
        Last = last;
        EvaluationRun = evaluationRun;
    }

    /// <summary>The issue week, for a week's key; null for a range of dates or an evaluation.</summary>
    public IssueWeek? Week { get; }

    /// <summary>The first listing date of a range's or an evaluation's key.</summary>
    public DateOnly First { get; }

    /// <summary>The last listing date of a range's or an evaluation's key.</summary>
    public DateOnly Last { get; }

    /// <summary>The evaluation's row (what ran in the window, e.g. <c>funnel</c>); null for a week or a range.</summary>
    public string? EvaluationRun { get; }

    public static SelectionKey ForWeek(IssueWeek week) => new(week, default, default, null);

    public static SelectionKey ForDates(DateOnly first, DateOnly last) => new(null, first, last, null);

    /// <summary>One run of an evaluation over the listing dates from <paramref name="first"/> to <paramref name="last"/>, kept apart from a curator's own selections.</summary>
    public static SelectionKey ForEvaluation(DateOnly first, DateOnly last, string run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        return new SelectionKey(null, first, last, run);
    }

    public override string ToString()
    {
        if (Week is { } week)
        {
            return week.ToString();
        }

        var range = First.ToString(DateFormat, CultureInfo.InvariantCulture) + RangeSeparator + Last.ToString(DateFormat, CultureInfo.InvariantCulture);
        return EvaluationRun is { } run ? $"{EvaluationPrefix}{range} {run}" : range;
    }

    public static SelectionKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a selection key such as 2025-W26, 2025-06-02..2025-06-06 or eval 2025-06-02..2025-06-06 funnel");

    /// <summary>Reads a key in exactly the form <see cref="ToString"/> writes; any other text is not a key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SelectionKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        SelectionKey parsed;
        if (text.StartsWith(EvaluationPrefix, StringComparison.Ordinal))
        {
            var rest = text[EvaluationPrefix.Length..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !TryParseRange(rest[..space], out var first, out var last) || string.IsNullOrWhiteSpace(rest[(space + 1)..]))
            {
                return false;
            }

            parsed = new SelectionKey(null, first, last, rest[(space + 1)..]);
        }
        else if (text.Contains(RangeSeparator, StringComparison.Ordinal))
        {
            if (!TryParseRange(text, out var first, out var last))
            {
                return false;
            }

            parsed = new SelectionKey(null, first, last, null);
        }
        else if (IssueWeek.TryParse(text, out var week))
        {
            parsed = new SelectionKey(week, default, default, null);
        }
        else
        {
            return false;
        }

        if (!string.Equals(parsed.ToString(), text, StringComparison.Ordinal))
        {
            return false;
        }

        key = parsed;
        return true;
    }

    private static bool TryParseRange(string text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        var at = text.IndexOf(RangeSeparator, StringComparison.Ordinal);
        return at > 0
            && DateOnly.TryParseExact(text.AsSpan(0, at), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
            && DateOnly.TryParseExact(text.AsSpan(at + RangeSeparator.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out last);
    }
}
