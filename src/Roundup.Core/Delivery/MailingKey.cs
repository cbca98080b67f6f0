using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Roundup.Calendar;

namespace Roundup.Delivery;

/// <summary>
/// What names a mailing in the outbox. An issue's mailing is its week, <c>2025-W26</c>; the erratum mailing for the
/// issue's n-th correction (1-based) is <c>2025-W26-erratum-n</c>. Those texts are what the store keeps, and
/// <see cref="ToString"/> and <see cref="Parse"/> give and take exactly them. An erratum mailing goes only to those
/// who were sent the issue (see <see cref="IOutboxStore.EnqueueAsync"/>), whoever runs it.
/// </summary>
public readonly record struct MailingKey
{
    private const string ErratumInfix = "-erratum-";

    private MailingKey(IssueWeek issue, int? correction)
    {
        Issue = issue;
        Correction = correction;
    }

    /// <summary>The issue the mailing is of, or follows.</summary>
    public IssueWeek Issue { get; }

    /// <summary>The correction an erratum mailing sends (1-based); null for the issue's own mailing.</summary>
    public int? Correction { get; }

    public bool IsErratum => Correction is not null;

    public static MailingKey ForIssue(IssueWeek issue) => new(issue, null);

    public static MailingKey ForErratum(IssueWeek issue, int correction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(correction, 1);
        return new MailingKey(issue, correction);
    }

    public override string ToString() => Correction is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"{Issue}{ErratumInfix}{n}")
        : Issue.ToString();

    public static MailingKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a mailing such as 2025-W26 or 2025-W26-erratum-1");

    /// <summary>Reads a key in exactly the form <see cref="ToString"/> writes; any other text is not a mailing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MailingKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        var at = text.LastIndexOf(ErratumInfix, StringComparison.Ordinal);
        var weekText = at < 0 ? text : text[..at];
        int? correction = null;
        if (at >= 0)
        {
            var number = text.AsSpan(at + ErratumInfix.Length);
            if (number.Length == 0 || number[0] == '0' || number.IndexOfAnyExceptInRange('0', '9') >= 0
                || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            correction = n;
        }

        if (!IssueWeek.TryParse(weekText, out var week))
        {
            return false;
        }

        var parsed = new MailingKey(week, correction);
        if (!string.Equals(parsed.ToString(), text, StringComparison.Ordinal))
        {
            return false;
        }

        key = parsed;
        return true;
    }
}
