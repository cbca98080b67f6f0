using Npgsql;
using Roundup.Delivery;

namespace Roundup.Storage.Postgres;

/// <summary>How the delivery tables' rows are read (their spelling: <see cref="DeliverySpelling"/>).</summary>
internal static class PostgresDeliveryRows
{
    public static Subscriber ReadSubscriber(NpgsqlDataReader r, int first = 0) => new(
        r.GetInt64(first),
        r.GetString(first + 1),
        r.IsDBNull(first + 2) ? null : r.GetString(first + 2),
        Enum.Parse<SubscriberStatus>(r.GetString(first + 3), ignoreCase: true),
        r.GetFieldValue<DateTimeOffset>(first + 4),
        r.IsDBNull(first + 5) ? null : r.GetFieldValue<DateTimeOffset>(first + 5));

    public static OutboxRow ReadOutbox(NpgsqlDataReader r, int first = 0) => new(
        MailingKey.Parse(r.GetString(first)),
        r.GetInt64(first + 1),
        DeliverySpelling.StateOf(r.GetString(first + 2)),
        r.GetInt32(first + 3),
        r.IsDBNull(first + 4) ? null : r.GetFieldValue<DateTimeOffset>(first + 4),
        r.GetString(first + 5),
        r.IsDBNull(first + 6) ? null : r.GetString(first + 6),
        r.GetFieldValue<DateTimeOffset>(first + 7));

    public static Suppression ReadSuppression(NpgsqlDataReader r) =>
        new(r.GetString(0), Enum.Parse<SuppressionReason>(r.GetString(1), ignoreCase: true), r.GetFieldValue<DateTimeOffset>(2));
}
