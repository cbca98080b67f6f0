namespace Roundup.Delivery.Transport;

/// <summary>
/// The run cannot go on: the relay is unreachable, refuses our credentials or our sender address. Rows not yet sent
/// stay in the outbox for the next run.
/// </summary>
public sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);
