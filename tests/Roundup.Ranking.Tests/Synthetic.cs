using Roundup.Curation;
using Roundup.Papers;

namespace Roundup.Ranking.Tests;

/// <summary>
/// Made-up weeks of papers where the curator picks what mentions diffusion or is by "Ada Recurring"; everything
/// else is filler drawn from a fixed seed.
/// </summary>
public static class Synthetic
{
    private static readonly string[] Topics =
    [
        "graph neural networks", "reinforcement learning", "federated optimisation", "speech recognition",
        "robot grasping", "protein folding", "time series forecasting", "causal inference", "tabular data",
        "point clouds", "recommender systems", "anomaly detection",
    ];

    private static readonly string[] Verbs = ["Improving", "Revisiting", "Scaling", "Understanding", "Towards", "Rethinking"];

    public static List<TrainingExample> Examples(int count, int seed, int firstId = 1, DateOnly? firstDate = null)
    {
        var random = new Random(seed);
        var start = firstDate ?? new DateOnly(2025, 6, 2);
        var examples = new List<TrainingExample>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(10);
            var topic = Topics[random.Next(Topics.Length)];
            var verb = Verbs[random.Next(Verbs.Length)];
            var diffusion = kind == 0;
            var recurring = kind == 1;
            var title = diffusion ? $"{verb} diffusion models for {topic}" : $"{verb} {topic} with {Topics[random.Next(Topics.Length)]}";
            string[] authors = recurring
                ? [$"Author {random.Next(500)}", "Ada Recurring", $"Author {random.Next(500)}"]
                : [$"Author {random.Next(500)}", $"Author {random.Next(500)}", $"Author {random.Next(500)}"];
            var paper = new Paper
            {
                Id = ArxivId.Parse($"2506.{firstId + i:00000}"),
                Title = title,
                Abstract = $"We study {topic}. " + (diffusion ? "A denoising diffusion process generates samples. " : "") + $"Our method beats baselines on {Topics[random.Next(Topics.Length)]}.",
                Authors = authors,
                Categories = ["cs.LG"],
            };
            examples.Add(new TrainingExample(paper, start.AddDays(i % 5), diffusion || recurring));
        }

        return examples;
    }

    /// <summary>The share of (positive, negative) pairs the scores order correctly: the ROC AUC.</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Positive)> scored)
    {
        var positives = scored.Where(s => s.Positive).Select(s => s.Score).ToList();
        var negatives = scored.Where(s => !s.Positive).Select(s => s.Score).ToList();
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0));
        return wins / (positives.Count * (double)negatives.Count);
    }
}
