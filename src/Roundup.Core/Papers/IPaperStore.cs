namespace Roundup.Papers;

/// <summary>The store as readers of papers use it.</summary>
public interface IPaperStore
{
    Task<Paper?> GetPaperAsync(ArxivId id, CancellationToken cancellationToken = default);

    /// <summary>The papers first announced in the listing dates from first to last inclusive, ordered by id.</summary>
    Task<IReadOnlyList<Paper>> GetPapersAnnouncedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    Task<int> CountPapersAsync(CancellationToken cancellationToken = default);
}
