using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Delivery;
using Roundup.Delivery.Addresses;
using Roundup.Delivery.Subscribers;
using Roundup.Delivery.Transport;

namespace Roundup.Application.Delivering;

/// <summary>
/// The subscribers and the suppression list. New addresses are pending until their confirmation link is followed
/// (double opt-in) unless consent was given elsewhere (<c>confirmed</c>); an address on the suppression list is never
/// added back. Addresses never go to logs.
/// </summary>
public sealed class ManageSubscribers(RoundupHost host)
{
    /// <summary>Adds the subscribers of a CSV file (header email,name); its refused rows are in the file's account.</summary>
    public async Task<(SubscriberFile File, SubscribersAdded Added)> ImportAsync(string path, bool confirmed, CancellationToken ct)
    {
        var read = SubscriberCsv.ReadFile(path);
        return (read, await AddAsync(await MailSetup.OpenAsync(host, ct), read.Subscribers, confirmed, ct));
    }

    /// <summary>
    /// Adds the subscribers of CSV text (an upload) named <paramref name="source"/> in messages; a header that is not
    /// <c>email,name</c> refuses the whole text (<see cref="FormatException"/> naming the line), and a bad row costs only
    /// itself (in the file's account, by line).
    /// </summary>
    public async Task<(SubscriberFile File, SubscribersAdded Added)> ImportAsync(TextReader text, string source, bool confirmed, CancellationToken ct)
    {
        var read = SubscriberCsv.Read(text, source);
        return (read, await AddAsync(await MailSetup.OpenAsync(host, ct), read.Subscribers, confirmed, ct));
    }

    /// <summary>How many subscribers have each status (every status listed, zero or not).</summary>
    public async Task<IReadOnlyDictionary<SubscriberStatus, int>> CountAsync(CancellationToken ct)
    {
        var subscribers = await ListAsync(null, ct);
        return Enum.GetValues<SubscriberStatus>().ToDictionary(s => s, s => subscribers.Count(x => x.Status == s));
    }

    /// <summary>
    /// The suppression list, oldest first, each entry with the subscriber whose address it is when one is still stored
    /// (the list keeps hashes only: an erased address shows as its hash).
    /// </summary>
    public async Task<IReadOnlyList<(Suppression Suppression, Subscriber? Subscriber)>> SuppressionsAsync(CancellationToken ct)
    {
        var subscribers = (await MailSetup.OpenAsync(host, ct)).Subscribers;
        var byHash = new Dictionary<string, Subscriber>(StringComparer.Ordinal);
        foreach (var subscriber in await subscribers.ListSubscribersAsync(cancellationToken: ct))
        {
            byHash.TryAdd(AddressKey.Hash(subscriber.Email), subscriber);
        }

        return (await subscribers.ListSuppressionsAsync(ct)).Select(s => (s, byHash.GetValueOrDefault(s.AddressHash))).ToList();
    }

    /// <summary>Adds one subscriber; returns the outcome and the subscriber as stored (null when suppressed).</summary>
    public async Task<(SubscribersAdded Added, Subscriber? Subscriber)> AddOneAsync(string email, string? name, bool confirmed, CancellationToken ct)
    {
        if ((EmailAddress.Problem(email) ?? HeaderText.Problem(name, "name")) is { } problem)
        {
            throw new UsageException(problem);
        }

        var mail = await MailSetup.OpenAsync(host, ct);
        var added = await AddAsync(mail, [new SubscriberImport(email, name)], confirmed, ct);
        return (added, await mail.Subscribers.FindSubscriberAsync(email, ct));
    }

    /// <summary>Unsubscribes the address (a subscriber or not) and suppresses it; returns the subscriber it was, if any.</summary>
    public async Task<Subscriber?> RemoveAsync(string email, CancellationToken ct)
    {
        var subscribers = (await MailSetup.OpenAsync(host, ct)).Subscribers;
        var subscriber = await subscribers.FindSubscriberAsync(email, ct);
        await subscribers.SuppressAddressAsync(email, SuppressionReason.Unsubscribed, ct);
        return subscriber;
    }

    /// <summary>Erases the address (its row and delivery history; its hash stays suppressed), never under a running delivery.</summary>
    public async Task<ForgetResult> ForgetAsync(string email, CancellationToken ct)
    {
        var mail = await MailSetup.OpenAsync(host, ct);
        try
        {
            return await mail.Subscribers.ForgetSubscriberAsync(email, ct);
        }
        catch (DeliveryBusyException e)
        {
            // A running delivery holds this subscriber's row in memory: wait for it rather than pull the row away.
            throw new UsageException($"not erased: {e.Message}");
        }
    }

    public async Task<IReadOnlyList<Subscriber>> ListAsync(SubscriberStatus? status, CancellationToken ct) =>
        await (await MailSetup.OpenAsync(host, ct)).Subscribers.ListSubscribersAsync(status, cancellationToken: ct);

    /// <summary>Follows a confirmation link by its token.</summary>
    public async Task<LinkOutcome> ConfirmAsync(string token, CancellationToken ct) => await (await LinksAsync(ct)).ConfirmAsync(token, ct);

    /// <summary>Follows an unsubscribe link by its token.</summary>
    public async Task<LinkOutcome> UnsubscribeAsync(string token, CancellationToken ct) => await (await LinksAsync(ct)).UnsubscribeAsync(token, ct);

    private async Task<SubscriptionLinks> LinksAsync(CancellationToken ct)
    {
        var mail = await MailSetup.OpenAsync(host, ct);
        return new SubscriptionLinks(mail.Subscribers, mail.Signer);
    }

    private async Task<SubscribersAdded> AddAsync(MailSetup mail, IReadOnlyList<SubscriberImport> subscribers, bool confirmed, CancellationToken ct)
    {
        var result = await mail.Subscribers.AddSubscribersAsync(subscribers, confirmed ? SubscriberStatus.Active : SubscriberStatus.Pending, ct);
        if (confirmed || result.AddedIds.Count == 0)
        {
            return new SubscribersAdded(result, null, null);
        }

        try
        {
            var mailer = new ConfirmationMailer(mail.Subscribers, mail.Transport, mail.Builder, host.Logs.CreateLogger<ConfirmationMailer>());
            return new SubscribersAdded(result, $"{await mailer.SendAsync(result.AddedIds, ct)} confirmation message(s) sent through {mail.Transport.Description}", null);
        }
        catch (Exception e) when (e is DeliveryException or IOException or System.Net.Sockets.SocketException)
        {
            return new SubscribersAdded(result, null, $"the subscribers are stored as pending, but no confirmation went out: {e.Message}");
        }
    }
}

/// <summary>What adding subscribers did, and what became of their confirmations (sent, or why none went out).</summary>
public sealed record SubscribersAdded(ImportResult Result, string? ConfirmationsSent, string? ConfirmationsFailed);
