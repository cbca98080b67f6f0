using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Sending;

/// <summary>
/// What a <see cref="RefusalStreak"/> decided: refusals now believed (fail the row, suppress the address) and rows to
/// put back untouched because the refusal turned out to be the relay's (empty unless it did).
/// </summary>
public sealed record StreakStep(IReadOnlyList<(OutboxItem Item, SendResult Result)> Believed, IReadOnlyList<OutboxItem> PutBack)
{
    public bool IsRelayRefusal => PutBack.Count > 0;
}
