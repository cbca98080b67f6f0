using Microsoft.Extensions.Logging;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Storage.Sqlite;

namespace Roundup.Cli.Evaluation;

/// <summary>
/// Labelled examples for the taste model: every stored paper announced in the window, picked when a picks file
/// names it or the curator pinned it, and not picked when the curator dropped it; plus other curators' featured
/// papers as extra positives.
/// </summary>
public static class TrainingSet
{
    public static async Task<List<TrainingExample>> BuildAsync(
        SqliteStore store,
        DateOnly first,
        DateOnly last,
        IReadOnlyCollection<CuratedPick> picks,
        IReadOnlyList<TrainingExample> extraPositives,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var picked = picks.Select(p => p.Id).ToHashSet();
        var decisions = (await store.Selection.GetAllDecisionsAsync(cancellationToken)).GroupBy(d => d.Paper).ToDictionary(g => g.Key, g => g.Last().Kind);
        var papers = await store.GetPapersAnnouncedAsync(first, last, cancellationToken);
        var examples = papers
            .Select(p => new TrainingExample(p, p.Announced ?? first, decisions.TryGetValue(p.Id, out var kind) ? kind == DecisionKind.Pin : picked.Contains(p.Id)))
            .ToList();
        var known = examples.Select(e => e.Paper.Id).ToHashSet();
        var unknown = picks.Count(p => p.ListingDate >= first && p.ListingDate <= last && !known.Contains(p.Id));
        if (unknown > 0)
        {
            logger.LogWarning("{Count} picks dated {First:yyyy-MM-dd}..{Last:yyyy-MM-dd} name papers that are not in the store; they are left out", unknown, first, last);
        }

        examples.AddRange(extraPositives.Where(e => !known.Contains(e.Paper.Id)).DistinctBy(e => e.Paper.Id));
        return examples;
    }
}
