using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Erasure: a subscriber's personal data leaves the store; only the address's hash stays, suppressed. The delete
/// runs with <c>secure_delete</c> on and the write-ahead log is checkpointed and truncated after it, so the address
/// is not left behind in freed pages or old page images of the file.
/// </summary>
public sealed partial class SqliteDeliveryStore
{
    public async Task<ForgetResult> ForgetSubscriberAsync(string email, CancellationToken cancellationToken = default)
    {
        var hash = AddressKey.Hash(email);
        var now = Time(_time.GetUtcNow());
        ForgetResult result = new(null, 0, false);
        await _session.ExclusiveAsync(async () =>
        {
            await using (var secure = _session.Connection.CreateCommand())
            {
                secure.CommandText = "PRAGMA secure_delete = ON";
                await secure.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            var id = Scalar(transaction, "SELECT id FROM subscribers WHERE address_hash = $h", ("$h", hash)) as long?;
            var wasSuppressed = Scalar(transaction, "SELECT 1 FROM suppressions WHERE address_hash = $h", ("$h", hash)) is not null;
            Execute(transaction, "INSERT INTO suppressions (address_hash, reason, recorded) VALUES ($h, $r, $t) ON CONFLICT DO NOTHING", ("$h", hash), ("$r", Name(SuppressionReason.Unsubscribed)), ("$t", now));
            var rows = 0;
            if (id is { } known)
            {
                if (Scalar(transaction, "SELECT week FROM outbox WHERE subscriber_id = $id AND state = 'sending' AND lease_until > $t", ("$id", known), ("$t", now)) is string sending)
                {
                    throw new DeliveryBusyException($"a delivery run is sending {sending} to this subscriber right now; try again when it has finished");
                }

                rows = Convert.ToInt32(Scalar(transaction, "SELECT count(*) FROM outbox WHERE subscriber_id = $id", ("$id", known)), System.Globalization.CultureInfo.InvariantCulture);
                Execute(transaction, "DELETE FROM outbox WHERE subscriber_id = $id", ("$id", known));
                Execute(transaction, "DELETE FROM subscribers WHERE id = $id", ("$id", known));
            }

            await transaction.CommitAsync(cancellationToken);
            await using (var checkpoint = _session.Connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            result = new ForgetResult(id, rows, wasSuppressed);
        }, cancellationToken);
        return result;
    }
}
