namespace Roundup.Delivery;

/// <summary>Another delivery run holds the store's sender lock.</summary>
public sealed class DeliveryBusyException(string message) : Exception(message);
