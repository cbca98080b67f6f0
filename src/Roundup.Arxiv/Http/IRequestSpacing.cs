namespace Roundup.Arxiv.Http;

/// <summary>
/// Decides when the next request may start. One process keeps the previous start in memory
/// (<see cref="LocalRequestSpacing"/>); several processes sharing arXiv's budget take turns through a shared one.
/// </summary>
public interface IRequestSpacing
{
    /// <summary>Returns when a request to <paramref name="url"/> may start, <paramref name="spacing"/> after the previous one.</summary>
    Task WaitForTurnAsync(Uri url, TimeSpan spacing, CancellationToken cancellationToken);
}
