using Npgsql;
using Roundup.Delivery;
using static Roundup.Storage.Postgres.PostgresDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Postgres;

/// <summary>
/// Subscribers, suppressions and the outbox in the PostgreSQL store (the parts: .Subscribers, .SignUp, .Forget,
/// .Outbox). Every state change is its own committed transaction, so what a killed process leaves
/// behind is exactly what it had done; what two processes could decide at once is decided under a lock.
/// </summary>
public sealed partial class PostgresDeliveryStore : ISubscriberStore, IOutboxStore
{
    private readonly PostgresSql _sql;
    private readonly TimeProvider _time;

    internal PostgresDeliveryStore(PostgresSql sql, TimeProvider time)
    {
        _sql = sql;
        _time = time;
    }

    private DateTimeOffset Now() => PostgresSql.Utc(_time.GetUtcNow());

    private static async Task SuppressSubscriberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, SuppressionReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await PostgresSql.ExecuteAsync(connection, transaction, "UPDATE subscribers SET status = @s, changed = @t WHERE id = @id", cancellationToken, ("s", Name(StatusOf(reason))), ("t", now), ("id", id));
        await PostgresSql.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO suppressions (address_hash, reason, recorded) SELECT address_hash, @r, @t FROM subscribers WHERE id = @id ON CONFLICT DO NOTHING",
            cancellationToken,
            ("r", Name(reason)),
            ("t", now),
            ("id", id));
    }
}
