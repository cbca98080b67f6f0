namespace Roundup.Delivery;

/// <summary>A delivery run is sending to the subscriber right now (its row is in Sending under a live lease).</summary>
public sealed class DeliveryBusyException(string message) : Exception(message);
