using Npgsql;
using Roundup.Delivery;

namespace Roundup.Storage.Postgres;

/// <summary>
/// Sign-ups from the web form. The check and the record of the confirmation's time are one transaction under the
/// subscribers' lock, so two requests for the same address, in any two processes, cannot both decide to send.
/// </summary>
public sealed partial class PostgresDeliveryStore
{
    public async Task<SignUpResult> SignUpAsync(SubscriberImport subscriber, TimeSpan resendAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var hash = AddressKey.Hash(subscriber.Email);
        var now = Now();
        var due = now - resendAfter;
        return await _sql.TransactionAsync(
            async (connection, transaction) =>
            {
                await PostgresSql.LockAsync(connection, transaction, PostgresLocks.Subscribers, cancellationToken);
                return await DecideAsync(connection, transaction, subscriber, hash, now, due, cancellationToken);
            },
            cancellationToken);
    }

    private static async Task<SignUpResult> DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SubscriberImport subscriber, string hash, DateTimeOffset now, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var rows = await PostgresSql.QueryAsync(
            connection,
            transaction,
            "SELECT id, status, coalesce(confirmation_sent, created) FROM subscribers WHERE address_hash = @h",
            r => (Id: r.GetInt64(0), Status: Enum.Parse<SubscriberStatus>(r.GetString(1), ignoreCase: true), LastSent: r.GetFieldValue<DateTimeOffset>(2)),
            cancellationToken,
            ("h", hash));
        var known = rows.Count == 0 ? ((long Id, SubscriberStatus Status, DateTimeOffset LastSent)?)null : rows[0];
        if (await PostgresSql.ScalarAsync(connection, transaction, "SELECT 1 FROM suppressions WHERE address_hash = @h", cancellationToken, ("h", hash)) is not null)
        {
            return new SignUpResult(SignUpOutcome.Suppressed, known?.Id);
        }

        if (known is not { } row)
        {
            var id = await PostgresSql.ScalarAsync(
                connection,
                transaction,
                "INSERT INTO subscribers (email, address_hash, name, status, created, changed, confirmation_sent) VALUES (@e, @h, @n, 'pending', @t, @t, @t) RETURNING id",
                cancellationToken,
                ("e", subscriber.Email.Trim()),
                ("h", hash),
                ("n", subscriber.Name),
                ("t", now));
            return new SignUpResult(SignUpOutcome.Added, (long)id!);
        }

        switch (row.Status)
        {
            case SubscriberStatus.Active:
                return new SignUpResult(SignUpOutcome.AlreadyActive, row.Id);
            case SubscriberStatus.Pending when row.LastSent > due:
                return new SignUpResult(SignUpOutcome.TooSoon, row.Id);
            case SubscriberStatus.Pending:
                await PostgresSql.ExecuteAsync(connection, transaction, "UPDATE subscribers SET confirmation_sent = @t WHERE id = @id", cancellationToken, ("t", now), ("id", row.Id));
                return new SignUpResult(SignUpOutcome.Resend, row.Id);
            default:
                return new SignUpResult(SignUpOutcome.Suppressed, row.Id);
        }
    }
}
