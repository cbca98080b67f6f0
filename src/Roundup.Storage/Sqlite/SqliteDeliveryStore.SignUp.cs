using System.Globalization;
using Microsoft.Data.Sqlite;
using Roundup.Delivery;
using static Roundup.Storage.Sqlite.SqliteDeliveryRows;
using static Roundup.Storage.DeliverySpelling;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Sign-ups from the web form. The check and the record of the confirmation's time are one transaction on the one
/// connection, so two requests for the same address cannot both decide to send.
/// </summary>
public sealed partial class SqliteDeliveryStore
{
    public async Task<SignUpResult> SignUpAsync(SubscriberImport subscriber, TimeSpan resendAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var hash = AddressKey.Hash(subscriber.Email);
        var clock = _time.GetUtcNow();
        var now = Time(clock);
        var due = Time(clock - resendAfter);
        SignUpResult result = new(SignUpOutcome.Suppressed, null);
        await _session.ExclusiveAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _session.Connection.BeginTransactionAsync(cancellationToken);
            result = Decide(transaction, subscriber, hash, now, due);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return result;
    }

    private SignUpResult Decide(SqliteTransaction transaction, SubscriberImport subscriber, string hash, string now, string due)
    {
        (long Id, SubscriberStatus Status, string LastSent)? known = null;
        using (var find = _session.Command("SELECT id, status, coalesce(confirmation_sent, created) FROM subscribers WHERE address_hash = $h", ("$h", hash)))
        {
            find.Transaction = transaction;
            using var reader = find.ExecuteReader();
            if (reader.Read())
            {
                known = (reader.GetInt64(0), Enum.Parse<SubscriberStatus>(reader.GetString(1), ignoreCase: true), reader.GetString(2));
            }
        }

        if (Scalar(transaction, "SELECT 1 FROM suppressions WHERE address_hash = $h", ("$h", hash)) is not null)
        {
            return new SignUpResult(SignUpOutcome.Suppressed, known?.Id);
        }

        if (known is not { } row)
        {
            var id = Scalar(
                transaction,
                "INSERT INTO subscribers (email, address_hash, name, status, created, changed, confirmation_sent) VALUES ($e, $h, $n, 'pending', $t, $t, $t) RETURNING id",
                ("$e", subscriber.Email.Trim()),
                ("$h", hash),
                ("$n", (object?)subscriber.Name ?? DBNull.Value),
                ("$t", now));
            return new SignUpResult(SignUpOutcome.Added, Convert.ToInt64(id, CultureInfo.InvariantCulture));
        }

        switch (row.Status)
        {
            case SubscriberStatus.Active:
                return new SignUpResult(SignUpOutcome.AlreadyActive, row.Id);
            case SubscriberStatus.Pending when string.CompareOrdinal(row.LastSent, due) > 0:
                return new SignUpResult(SignUpOutcome.TooSoon, row.Id);
            case SubscriberStatus.Pending:
                Execute(transaction, "UPDATE subscribers SET confirmation_sent = $t WHERE id = $id", ("$t", now), ("$id", row.Id));
                return new SignUpResult(SignUpOutcome.Resend, row.Id);
            default:
                return new SignUpResult(SignUpOutcome.Suppressed, row.Id);
        }
    }
}
