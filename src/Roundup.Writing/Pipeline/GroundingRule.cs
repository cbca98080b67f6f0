using Roundup.Writing.Grounding;

namespace Roundup.Writing.Pipeline;

/// <summary>
/// When a writer's text is not trusted at all and the fallback writes the entry instead: an unsupported claim in the
/// TL;DR (the line every reader sees, and the one the rest is read through); no summary left once unsupported
/// sentences are removed; or more than <see cref="MaxUnsupportedShare"/> of the checked claims unsupported (a
/// writer that invents that much has likely garbled the claims that happen to check out too). Below that, the
/// unsupported sentences are removed and the rest is kept.
/// </summary>
public sealed record GroundingRule
{
    public static GroundingRule Default { get; } = new();

    /// <summary>The share of checked claims that may be unsupported; more fails the text.</summary>
    public double MaxUnsupportedShare { get; init; } = 0.25;

    /// <summary>Why the text fails, in words; null when it passes.</summary>
    public string? Failure(GroundingResult result)
    {
        if (result.In(EntryPart.Tldr).Select(c => $"\"{c.Text}\"").Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } tldr)
        {
            return $"its TL;DR claims {string.Join(", ", tldr)}, not found in the paper";
        }

        if (result.Kept.Summary.Count == 0)
        {
            return "no summary sentence was left once unsupported claims were removed";
        }

        return result.UnsupportedShare > MaxUnsupportedShare
            ? $"{result.Checked - result.Found} of {result.Checked} claims were not found in the paper"
            : null;
    }
}
