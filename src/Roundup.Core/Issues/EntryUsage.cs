namespace Roundup.Issues;

/// <summary>What writing one entry cost: tokens, time and estimated US dollars (zero for the offline writer).</summary>
public sealed record EntryUsage(long InputTokens, long OutputTokens, double Seconds, decimal Cost, bool Cached)
{
    public static EntryUsage None { get; } = new(0, 0, 0, 0m, false);
}
