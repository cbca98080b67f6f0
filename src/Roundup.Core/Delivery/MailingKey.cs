using System.Globalization;

namespace Roundup.Delivery;

/// <summary>
/// What names a mailing in the outbox (its <c>week</c> key). An issue's mailing is its week, <c>2025-W26</c>; the
/// erratum mailing for the issue's n-th correction (1-based) is <c>2025-W26-erratum-n</c>. The key is what the
/// store goes by: an erratum mailing goes only to those who were sent the issue (see
/// <see cref="IDeliveryStore.EnqueueAsync"/>), whoever runs it.
/// </summary>
public static class MailingKey
{
    private const string ErratumInfix = "-erratum-";

    public static string Erratum(string issueWeek, int correction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueWeek);
        ArgumentOutOfRangeException.ThrowIfLessThan(correction, 1);
        return $"{issueWeek}{ErratumInfix}{correction.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The issue week an erratum mailing's key belongs to, or null when <paramref name="key"/> is not an erratum's.</summary>
    public static string? ErratumOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.LastIndexOf(ErratumInfix, StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var number = key.AsSpan(at + ErratumInfix.Length);
        return number.Length > 0 && number[0] != '0' && number.IndexOfAnyExceptInRange('0', '9') < 0 ? key[..at] : null;
    }
}
