namespace Roundup.Harvesting;

/// <summary>The store as the harvester uses it.</summary>
public interface IHarvestStore
{
    /// <summary>
    /// Stores a page in one transaction: each paper merged into its row, each sighting, and the checkpoint
    /// <paramref name="nextPosition"/> under <paramref name="checkpointKey"/>. A crash leaves all of it or none.
    /// </summary>
    Task SavePageAsync(string source, string checkpointKey, IReadOnlyList<HarvestedPaper> papers, string? nextPosition, CancellationToken cancellationToken = default);

    /// <summary>The position an interrupted harvest stopped at, or null.</summary>
    Task<string?> GetCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default);

    /// <summary>Forgets the checkpoint once a harvest has read every page.</summary>
    Task ClearCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default);

    /// <summary>Every sighting with a listing date in the window, with the paper's current categories.</summary>
    Task<IReadOnlyList<Sighting>> GetSightingsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default);
}
