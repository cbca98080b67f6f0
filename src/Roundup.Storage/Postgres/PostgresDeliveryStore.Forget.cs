using Roundup.Delivery;
using static Roundup.Storage.Postgres.PostgresDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Postgres;

/// <summary>
/// Erasure: a subscriber's personal data leaves the store; only the address's hash stays, suppressed. PostgreSQL
/// keeps a deleted row's bytes until VACUUM reuses its space, so the two tables that held the address are vacuumed
/// after the delete (outside the transaction, as VACUUM must be).
/// </summary>
public sealed partial class PostgresDeliveryStore
{
    public async Task<ForgetResult> ForgetSubscriberAsync(string email, CancellationToken cancellationToken = default)
    {
        var hash = AddressKey.Hash(email);
        var now = Now();
        var result = await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.LockAsync(connection, transaction, PostgresLocks.Subscribers, cancellationToken);
                var id = await PostgresSql.ScalarAsync(connection, transaction, "SELECT id FROM subscribers WHERE address_hash = @h", cancellationToken, ("h", hash)) as long?;
                var wasSuppressed = await PostgresSql.ScalarAsync(connection, transaction, "SELECT 1 FROM suppressions WHERE address_hash = @h", cancellationToken, ("h", hash)) is not null;
                await PostgresSql.ExecuteAsync(connection, transaction, "INSERT INTO suppressions (address_hash, reason, recorded) VALUES (@h, @r, @t) ON CONFLICT DO NOTHING", cancellationToken, ("h", hash), ("r", Name(SuppressionReason.Unsubscribed)), ("t", now));
                var rows = 0;
                if (id is { } known)
                {
                    if (await PostgresSql.ScalarAsync(connection, transaction, "SELECT week FROM outbox WHERE subscriber_id = @id AND state = 'sending' AND lease_until > @t LIMIT 1", cancellationToken, ("id", known), ("t", now)) is string sending)
                    {
                        throw new DeliveryBusyException($"a delivery run is sending {sending} to this subscriber right now; try again when it has finished");
                    }

                    rows = await PostgresSql.ExecuteAsync(connection, transaction, "DELETE FROM outbox WHERE subscriber_id = @id", cancellationToken, ("id", known));
                    await PostgresSql.ExecuteAsync(connection, transaction, "DELETE FROM subscribers WHERE id = @id", cancellationToken, ("id", known));
                }

                return new ForgetResult(id, rows, wasSuppressed);
            },
            cancellationToken);
        if (result.SubscriberId is not null)
        {
            await _sql.ExecuteAsync("VACUUM subscribers, outbox", cancellationToken);
        }

        return result;
    }
}
