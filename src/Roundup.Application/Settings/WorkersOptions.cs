using System.Globalization;

namespace Roundup.Application.Settings;

/// <summary>
/// The configuration section <c>Workers</c>: whether the weekly job's parallel parts (reading full texts, writing
/// entries, delivery batches) run as jobs for <c>roundup worker</c> processes on any number of machines, and how those jobs behave.
/// The jobs, their shared results and arXiv's turn-taking live in PostgreSQL, which every machine reaches.
/// </summary>
public sealed class WorkersOptions
{
    /// <summary>Off by default: one process does everything. <c>--workers</c> on run, select, write and send turns it on.</summary>
    public bool Enabled { get; init; }

    /// <summary>The PostgreSQL database of the jobs (Npgsql form: <c>Host=…;Port=…;Username=…;Database=…</c>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Jobs one <c>roundup worker</c> runs at once; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Attempts after the first for a job that throws; then it fails and the weekly job stops naming it.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Seconds before a failed job is tried again.</summary>
    public double RetryDelaySeconds { get; init; } = 10;

    /// <summary>
    /// Seconds a job stays invisible to other workers after the last sign of life of the worker running it (the sign
    /// slides while it runs): a worker killed outright has its job taken up again by another after this long.
    /// </summary>
    public double InvisibilityTimeoutSeconds { get; init; } = 60;

    /// <summary>Seconds between a worker's looks for new jobs, and the coordinator's looks at their progress.</summary>
    public double PollSeconds { get; init; } = 1;

    /// <summary>Messages in one delivery job of <c>send --workers</c> (a worker claims them under its lease and sends them).</summary>
    public int DeliveryBatch { get; init; } = 1000;

    /// <summary>Thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    public IEnumerable<string> Validate()
    {
        if (Threads < 0)
        {
            yield return Problem(nameof(Threads), Threads, "must be 0 (one per core) or more");
        }

        if (DeliveryBatch < 1)
        {
            yield return Problem(nameof(DeliveryBatch), DeliveryBatch, "must be at least 1");
        }

        if (Retries < 0)
        {
            yield return Problem(nameof(Retries), Retries, "must be 0 or more");
        }

        if (!double.IsFinite(RetryDelaySeconds) || RetryDelaySeconds < 0)
        {
            yield return Problem(nameof(RetryDelaySeconds), RetryDelaySeconds, "must be 0 or more");
        }

        if (!double.IsFinite(InvisibilityTimeoutSeconds) || InvisibilityTimeoutSeconds < 1)
        {
            yield return Problem(nameof(InvisibilityTimeoutSeconds), InvisibilityTimeoutSeconds, "must be at least 1");
        }

        if (!double.IsFinite(PollSeconds) || PollSeconds <= 0 || PollSeconds > 60)
        {
            yield return Problem(nameof(PollSeconds), PollSeconds, "must be more than 0 and at most 60");
        }
    }

    private static string Problem(string key, IConvertible value, string rule) =>
        $"Workers:{key} {rule} (got {value.ToString(CultureInfo.InvariantCulture)})";
}
