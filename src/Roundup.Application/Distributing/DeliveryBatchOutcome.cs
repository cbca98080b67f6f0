using Roundup.Delivery.Sending;

namespace Roundup.Application.Distributing;

/// <summary>What a worker's delivery batch did: its report, or the relay's reason for stopping it (the rows stay to send).</summary>
public sealed record DeliveryBatchOutcome(DeliveryBatchReport? Report, string? Stopped = null);
