namespace Roundup.Harvesting;

/// <summary>
/// What to harvest: the listing dates from <paramref name="First"/> to <paramref name="Last"/> inclusive, in these
/// categories (empty: every category the source holds).
/// </summary>
public sealed record HarvestRequest(DateOnly First, DateOnly Last, IReadOnlyList<string> Categories)
{
    public bool Covers(DateOnly listingDate) => listingDate >= First && listingDate <= Last;

    /// <summary>The key a checkpoint is stored under: the same request resumes the same harvest.</summary>
    public string CheckpointKey(string sourceName) =>
        $"{sourceName}|{First:yyyy-MM-dd}|{Last:yyyy-MM-dd}|{string.Join('+', Categories.Order(StringComparer.Ordinal))}";
}
