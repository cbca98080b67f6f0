namespace Roundup.FullText;

/// <summary>
/// What one document may still cost: the caller's cancellation and the time budget, checked from every reading
/// loop. Running out of time refuses the document with a <see cref="FullTextException"/>; cancellation throws
/// <see cref="OperationCanceledException"/>, so an interrupted run stops rather than judging the paper.
/// </summary>
public sealed class ReadBudget
{
    private readonly TimeProvider _time;
    private readonly long _started;

    public ReadBudget(string source, FullTextLimits limits, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        Source = source;
        Limits = limits;
        CancellationToken = cancellationToken;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    /// <summary>The file being read, named in every refusal.</summary>
    public string Source { get; }

    public FullTextLimits Limits { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The first refusal raised through this budget, kept because a library between a check and the reader may swallow it.</summary>
    public FullTextException? Refusal { get; private set; }

    /// <summary>Bytes the document's compressed streams have decoded to so far (PDF streams), counted against the limits.</summary>
    public long DecodedBytes { get; private set; }

    /// <summary>Counts bytes a stream decodes to; the caller has checked them against the limits.</summary>
    internal void CountDecoded(long bytes) => DecodedBytes += bytes;

    /// <summary>Throws when the run is cancelled, the time budget is spent, or the document was already refused.</summary>
    public void Check()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Refusal is not null)
        {
            throw Refusal;
        }

        if (Limits.MaxReadTime != Timeout.InfiniteTimeSpan && _time.GetElapsedTime(_started) > Limits.MaxReadTime)
        {
            throw Refuse($"reading took longer than {Limits.MaxReadTime.TotalSeconds:0.#} s (FullTextLimits.MaxReadTime)");
        }
    }

    /// <summary>Records the refusal (the first one wins) and returns it to throw.</summary>
    public FullTextException Refuse(string problem)
    {
        Refusal ??= new FullTextException(Source, problem);
        return Refusal;
    }

    /// <summary>Rethrows a refusal that a library caught and swallowed on its way out.</summary>
    public void ThrowIfRefused()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Refusal is not null)
        {
            throw Refusal;
        }
    }
}
