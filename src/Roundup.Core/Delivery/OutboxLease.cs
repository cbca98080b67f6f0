namespace Roundup.Delivery;

/// <summary>
/// A sender's hold on the outbox rows it claims: <see cref="Sender"/> names the delivery run (machine, process and
/// run), <see cref="Duration"/> how long a claim stays its own without being renewed. Rows of a sender that stops
/// renewing (killed, cut off) are claimed by another sender once the lease has run out, and sent again with the same
/// Message-ID.
/// </summary>
public sealed record OutboxLease(string Sender, TimeSpan Duration)
{
    /// <summary>A new sender name for one delivery run in this process.</summary>
    public static string NewSender() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
