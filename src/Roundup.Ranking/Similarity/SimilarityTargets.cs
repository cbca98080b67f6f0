namespace Roundup.Ranking.Similarity;

/// <summary>The embedded texts a paper is compared with, each with the words to name it by.</summary>
internal sealed record SimilarityTargets(
    IReadOnlyList<(string Label, float[] Vector)> Wanted,
    IReadOnlyList<(string Label, float[] Vector)> Unwanted,
    IReadOnlyList<(string Label, float[] Vector)> Exemplars);
