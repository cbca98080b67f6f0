using Microsoft.Extensions.Logging;
using Roundup.Application.Settings;
using Roundup.Application.Hosting;
using Roundup.Application.Reading;
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

namespace Roundup.Application.Selecting;

/// <summary>Builds the funnel the configuration describes: the profile, the stages and their scorers, the picks.</summary>
public static class FunnelFactory
{
    public static async Task<Funnel> CreateAsync(RoundupHost host, CancellationToken cancellationToken)
    {
        var store = await host.StoreAsync(cancellationToken);
        var taste = TasteChoice.Resolve(host.Options.Selection, host.Logs.CreateLogger("Roundup.Selection"));
        var profile = host.Profile;
        var exemplars = new List<Paper>();
        foreach (var id in profile.Exemplars)
        {
            if (await store.Papers.GetPaperAsync(id, cancellationToken) is { } paper)
            {
                exemplars.Add(paper);
            }
        }

        return Create(host, profile, store.Selection, await host.EmbedderAsync(cancellationToken), taste, exemplars, host.FullText);
    }

    /// <summary>The funnel over a given store, embedder, taste and full texts (the evaluation brings its own).</summary>
    public static Funnel Create(RoundupHost host, CuratorProfile profile, ISelectionStore selection, IEmbedder embedder, TasteChoice taste, IReadOnlyList<Paper> exemplars, PaperFullText fullText)
    {
        var logger = host.Logs.CreateLogger("Roundup.Selection");
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
                    "llm" when config.Reads >= Evidence.Skim => new EvidenceChatScorer(host.ChatScorer(ChatStage.Evidence), fullText.DigestAsync),
                    "llm" => host.ChatScorer(reads == Evidence.Title ? ChatStage.Title : ChatStage.Abstract),
                    "evidence" => config.Reads >= Evidence.Skim
                        ? new EvidenceScorer(fullText.Load, config.Reads, fullText.FetchAsync)
                        : null,
                    _ => null,
                };
                if (scorer is null)
                {
                    logger.LogWarning("{Stage}: scorer '{Scorer}' is not available and is left out", config.Name, name);
                    continue;
                }

                // With workers, the stage's full texts are read together, a batch at a time, before the scorer asks for each.
                scorers.Add((fullText.OnWorkers && config.Reads >= Evidence.Skim && name is "evidence" or "llm" ? new PreparedScorer(scorer, fullText.PrepareAsync) : scorer, weight));
            }

            return new FunnelStage(config, scorers);
        }).ToList();

        var picks = new PicksOptions { Count = profile.Picks, Relevance = host.Options.Selection.PickRelevance, NearDuplicate = host.Options.Selection.NearDuplicate };
        return new Funnel(selection, stages, picks, embedder, host.Logs.CreateLogger<Funnel>());
    }
}
