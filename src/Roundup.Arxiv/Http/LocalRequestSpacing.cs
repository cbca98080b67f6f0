namespace Roundup.Arxiv.Http;

/// <summary>The spacing of one process: each request starts at least the spacing after the previous one's start.</summary>
public sealed class LocalRequestSpacing(TimeProvider time) : IRequestSpacing
{
    private DateTimeOffset? _lastRequestStart;

    /// <summary>Timed by the TimeProvider; the client calls it one request at a time.</summary>
    public async Task WaitForTurnAsync(Uri url, TimeSpan spacing, CancellationToken cancellationToken)
    {
        if (_lastRequestStart is { } last)
        {
            var wait = last + spacing - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        _lastRequestStart = time.GetUtcNow();
    }
}
