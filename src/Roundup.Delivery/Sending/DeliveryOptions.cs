namespace Roundup.Delivery.Sending;

/// <summary>How a delivery run paces itself and how it treats temporary failures.</summary>
public sealed record DeliveryOptions
{
    /// <summary>Connections to the relay used at once, each by its own sending task.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Messages per second over all connections; 0 for no limit.</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>Outbox rows claimed (marked Sending) at a time.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Retries of one message within the run after a 4xx answer or a lost connection, with exponential backoff.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay; each further retry doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rounds (claims) of a message before a message still answered with 4xx is given up as failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long a deferred message waits after its first round; doubled for each further round.</summary>
    public TimeSpan DeferDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the run waits for deferred messages to come due before it stops and leaves them to the next run.</summary>
    public TimeSpan WaitForDeferred { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long rows a run claims stay its own without renewal (renewed at a third of it while the run works). A killed
    /// run's rows are taken over by another run once it has passed, so it bounds how long they wait.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Recipients refused in a row with the same answer (code and enhanced status) that make the refusal the relay's:
    /// the run stops and those rows stay in the outbox, their addresses not suppressed. 0 believes every refusal.
    /// </summary>
    public int SameRefusalsInARow { get; init; } = 5;

    public IEnumerable<string> Validate()
    {
        if (Connections is < 1 or > 64)
        {
            yield return $"Connections must be between 1 and 64 (is {Connections})";
        }

        if (MessagesPerSecond < 0)
        {
            yield return $"MessagesPerSecond must be 0 (no limit) or more (is {MessagesPerSecond})";
        }

        if (Lease < TimeSpan.FromSeconds(1))
        {
            yield return $"Lease must be at least 1 second (is {Lease.TotalSeconds:0.###} s)";
        }

        if (BatchSize < 1)
        {
            yield return $"BatchSize must be at least 1 (is {BatchSize})";
        }

        if (Retries < 0 || MaxAttempts < 1)
        {
            yield return $"Retries must be 0 or more and MaxAttempts at least 1 (are {Retries} and {MaxAttempts})";
        }

        if (SameRefusalsInARow is < 0 or 1)
        {
            yield return $"SameRefusalsInARow must be 0 (believe every refusal) or at least 2 (is {SameRefusalsInARow})";
        }
    }
}
