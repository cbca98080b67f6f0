namespace Roundup.Selection;

/// <summary>What a metered scorer (an LLM) spent: tokens in and out, and the estimated cost in US dollars.</summary>
public sealed record ScorerUsage(long InputTokens, long OutputTokens, decimal Cost)
{
    public static readonly ScorerUsage None = new(0, 0, 0m);

    public ScorerUsage Add(ScorerUsage other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, Cost + other.Cost);
}
