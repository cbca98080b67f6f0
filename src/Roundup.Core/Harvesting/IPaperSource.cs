namespace Roundup.Harvesting;

/// <summary>
/// Where papers come from: OAI-PMH, the API, RSS, or files. A source reads in pages; each page carries the
/// position to resume after it, which the harvester stores with the page in one transaction.
/// </summary>
public interface IPaperSource
{
    /// <summary>Short name stored with every sighting: <c>oai</c>, <c>api</c>, <c>rss</c>, <c>listing</c>, <c>snapshot</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the papers announced in the request's window. <paramref name="resumeFrom"/> is a position an earlier,
    /// interrupted read returned with its last stored page; null starts from the beginning.
    /// </summary>
    IAsyncEnumerable<HarvestPage> ReadAsync(HarvestRequest request, string? resumeFrom, CancellationToken cancellationToken = default);
}
