using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Roundup.Llm.Resilience;

/// <summary>
/// What <see cref="ResilientChatClient"/> needs besides <see cref="LlmOptions"/>: the clock its waits and deadlines
/// run on, where it reports a retry, and how long it waits after a 429.
/// </summary>
public sealed record ChatResilience
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The wait after a 429 that names none (no <c>Retry-After</c>).</summary>
    public TimeSpan RateLimitWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest wait a 429 may ask for. A longer one gives up at once: an endpoint that wants minutes (a quota
    /// used up for the day) would hold the run for nothing.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);
}
