using Roundup.Delivery;

namespace Roundup.Delivery.Sending;

/// <summary>
/// How a delivery began (<see cref="DeliveryRun.StartAsync"/>): failed messages sent again as asked, the mailing's
/// counts before, and the rows it enqueued.
/// </summary>
public sealed record DeliveryStart(int Retried, DeliveryCounts Before, int Enqueued);
