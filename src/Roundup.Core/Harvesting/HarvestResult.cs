namespace Roundup.Harvesting;

/// <summary>What one source's harvest did: pages and records stored, bad records skipped (the first few kept).</summary>
public sealed record HarvestResult(string Source, int Pages, int Papers, int BadRecords, IReadOnlyList<HarvestProblem> Problems, bool Resumed);
