using Microsoft.Extensions.Logging;
using Roundup.Cli.Configuration;
using Roundup.Cli.Profiles;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.FullText.Scoring;
using Roundup.Llm.Scoring;
using Roundup.Llm;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Similarity;
using Roundup.Ranking.Taste;
using Roundup.Selection;

namespace Roundup.Cli.Hosting;

/// <summary>Builds the funnel the configuration describes: the profile, the stages and their scorers, the picks.</summary>
public static class FunnelFactory
{
    public static CuratorProfile LoadProfile(RoundupHost host)
    {
        var path = host.Options.Selection.Profile;
        var (profile, errors) = File.Exists(path) ? ProfileFile.Read(path) : ProfileFile.Parse(DefaultProfile.Yaml, "(built-in profile)");
        if (errors.Count > 0)
        {
            throw new UsageException($"the profile has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", errors)}");
        }

        if (!File.Exists(path))
        {
            host.Logs.CreateLogger("Roundup.Profile").LogInformation("No {Path}: using the built-in profile (roundup init writes it for you to edit)", path);
        }

        return profile!;
    }

    public static async Task<Funnel> CreateAsync(RoundupHost host, CuratorProfile profile, CancellationToken cancellationToken)
    {
        var store = await host.StoreAsync(cancellationToken);
        var taste = TasteChoice.Resolve(host.Options.Selection, host.Logs.CreateLogger("Roundup.Selection"));
        var exemplars = new List<Paper>();
        foreach (var id in profile.Exemplars)
        {
            if (await store.Papers.GetPaperAsync(id, cancellationToken) is { } paper)
            {
                exemplars.Add(paper);
            }
        }

        return Create(host, profile, store.Selection, await host.EmbedderAsync(cancellationToken), taste, exemplars);
    }

    /// <summary>The funnel over a given store, embedder and taste (the evaluation brings its own).</summary>
    public static Funnel Create(RoundupHost host, CuratorProfile profile, ISelectionStore selection, IEmbedder embedder, TasteChoice taste, IReadOnlyList<Paper> exemplars)
    {
        var logger = host.Logs.CreateLogger("Roundup.Selection");
        var fullText = new FullTextFolder(host.Options.Selection.FullTextDir, new FullTextReader());
        var fetcher = host.FullTextFetcher();
        var stages = host.Options.Selection.EffectiveStages.Select(config =>
        {
            var reads = config.Reads == Evidence.Title ? Evidence.Title : Evidence.Abstract;
            var scorers = new List<(IPaperScorer Scorer, double Weight)>();
            foreach (var (name, weight) in config.Scorers)
            {
                IPaperScorer? scorer = name switch
                {
                    "rubric" => new RubricScorer(reads),
                    "similarity" => new EmbeddingSimilarityScorer(embedder, reads, exemplars),
                    // On the profile alone, the profile's similarity takes the taste's place and weight.
                    "taste" when taste.ProfileOnly => new EmbeddingSimilarityScorer(embedder, reads, exemplars),
                    "taste" => taste.Model is null ? null : new TasteScorer(taste.Model, embedder, reads, taste.Reputation),
                    "llm" when config.Reads >= Evidence.Skim => new EvidenceChatScorer(host.ChatScorer(ChatStage.Evidence), async (paper, ct) =>
                    {
                        await fetcher.FetchAsync(paper.Id, paper.Version, ct);
                        return Digest(fullText, paper, ct);
                    }),
                    "llm" => host.ChatScorer(reads == Evidence.Title ? ChatStage.Title : ChatStage.Abstract),
                    "evidence" => config.Reads >= Evidence.Skim
                        ? new EvidenceScorer(fullText.Load, config.Reads, async (paper, ct) => await fetcher.FetchAsync(paper.Id, paper.Version, ct))
                        : null,
                    _ => null,
                };
                if (scorer is null)
                {
                    logger.LogWarning("{Stage}: scorer '{Scorer}' is not available and is left out", config.Name, name);
                    continue;
                }

                scorers.Add((scorer, weight));
            }

            return new FunnelStage(config.ToOptions(), scorers);
        }).ToList();

        var picks = new PicksOptions { Count = profile.Picks, Relevance = host.Options.Selection.PickRelevance, NearDuplicate = host.Options.Selection.NearDuplicate };
        return new Funnel(selection, stages, picks, embedder, host.Logs.CreateLogger<Funnel>());
    }

    private static string? Digest(FullTextFolder folder, Paper paper, CancellationToken cancellationToken)
    {
        try
        {
            return folder.Load(paper, cancellationToken) is { } evidence ? EvidenceDigest.For(evidence) : null;
        }
        catch (FullTextException)
        {
            return null;
        }
    }
}
