namespace Roundup.Delivery;

/// <summary>
/// One reader. <see cref="Email"/> and <see cref="Name"/> are personal data: logs and reports name subscribers by
/// <see cref="Id"/> only.
/// </summary>
public sealed record Subscriber(
    long Id,
    string Email,
    string? Name,
    SubscriberStatus Status,
    DateTimeOffset Created,
    DateTimeOffset? Confirmed);
