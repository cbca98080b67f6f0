namespace Roundup.Delivery;

/// <summary>
/// An entry of the suppression list. It keeps the address's hash (<see cref="AddressKey.Hash"/>), not the address, so
/// it can outlive the subscriber's personal data.
/// </summary>
public sealed record Suppression(string AddressHash, SuppressionReason Reason, DateTimeOffset Recorded);
