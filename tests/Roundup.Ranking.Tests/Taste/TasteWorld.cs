using System.Globalization;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Ranking.Taste.Training;

namespace Roundup.Ranking.Tests.Taste;

/// <summary>
/// A made-up curation world: before the listings, other curators featured diffusion papers and the papers of a team
/// around "Ada Recurring"; in the listings (two weeks of June 2025), the curator picks the same kinds of papers.
/// Everything else is filler drawn from a fixed seed.
/// </summary>
public static class TasteWorld
{
    public static readonly DateOnly FirstListing = new(2025, 6, 2);
    private static readonly string[] Topics =
    [
        "graph neural networks", "federated optimisation", "speech recognition", "robot grasping", "protein folding",
        "time series forecasting", "causal inference", "tabular data", "point clouds", "recommender systems",
    ];

    public static TasteTrainingSet Set(int seed = 1, int rows = 400, int featured = 300) =>
        new(Listings(rows, seed), History(featured, seed), ["world"]);

    public static List<FeaturedPaper> History(int count, int seed, int firstId = 50_000)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var team = random.Next(3) == 0;
            var paper = Paper(firstId + i, team ? Filler(random) : Diffusion(random), team ? Team(random) : Strangers(random));
            return new FeaturedPaper(paper.Id, FirstListing.AddDays(-1 - random.Next(120)), paper.Title, paper.Abstract, paper.Authors, "hf", 0, null);
        })];
    }

    /// <summary>Listing rows over two weeks from <see cref="FirstListing"/>: a fifth by the team, a fifth about diffusion, both picked.</summary>
    public static List<TrainingExample> Listings(int count, int seed, int firstId = 1, DateOnly? first = null)
    {
        var random = new Random(seed + 1000);
        var start = first ?? FirstListing;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var kind = random.Next(5);
            var paper = Paper(firstId + i, kind == 1 ? Diffusion(random) : Filler(random), kind == 0 ? Team(random) : Strangers(random)) with
            {
                Announced = start.AddDays((i % 2 * 7) + (i % 5)),
            };
            return new TrainingExample(paper, paper.Announced!.Value, kind <= 1);
        })];
    }

    public static Paper Paper(int n, string title, IReadOnlyList<string> authors, string abstractText = "We study it. Our method beats strong baselines.") => new()
    {
        Id = ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"2506.{n:D5}")),
        Title = title,
        Abstract = abstractText,
        Authors = authors,
        Categories = ["cs.LG"],
    };

    public static string Diffusion(Random random) => $"Diffusion models for {Topics[random.Next(Topics.Length)]}";

    public static string Filler(Random random) => $"Revisiting {Topics[random.Next(Topics.Length)]} with {Topics[random.Next(Topics.Length)]}";

    public static string[] Team(Random random) => [$"Student {random.Next(10_000)}", "Ada Recurring", "Bo Partner"];

    public static string[] Strangers(Random random) => [$"Author {random.Next(100_000)}", $"Author {random.Next(100_000)}"];
}
