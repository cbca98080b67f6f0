using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;

namespace Roundup.Storage.Sqlite;

/// <summary>How the delivery tables spell times, and how their rows are read (states: <see cref="DeliverySpelling"/>).</summary>
internal static class SqliteDeliveryRows
{
    // Fixed width, UTC: text order is time order, so "next_attempt <= $now" compares correctly.
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Subscriber ReadSubscriber(SqliteDataReader r, int first = 0) => new(
        r.GetInt64(first),
        r.GetString(first + 1),
        r.IsDBNull(first + 2) ? null : r.GetString(first + 2),
        Enum.Parse<SubscriberStatus>(r.GetString(first + 3), ignoreCase: true),
        ParseTime(r.GetString(first + 4)),
        r.IsDBNull(first + 5) ? null : ParseTime(r.GetString(first + 5)));

    public static OutboxRow ReadOutbox(SqliteDataReader r, int first = 0) => new(
        MailingKey.Parse(r.GetString(first)),
        r.GetInt64(first + 1),
        DeliverySpelling.StateOf(r.GetString(first + 2)),
        r.GetInt32(first + 3),
        r.IsDBNull(first + 4) ? null : ParseTime(r.GetString(first + 4)),
        r.GetString(first + 5),
        r.IsDBNull(first + 6) ? null : r.GetString(first + 6),
        ParseTime(r.GetString(first + 7)));

    public static Suppression ReadSuppression(SqliteDataReader r) =>
        new(r.GetString(0), Enum.Parse<SuppressionReason>(r.GetString(1), ignoreCase: true), ParseTime(r.GetString(2)));
}
