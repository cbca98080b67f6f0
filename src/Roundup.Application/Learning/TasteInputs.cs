using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Files;
using Roundup.Application.Settings;
using Roundup.Curation;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Application.Learning;

/// <summary>Reads what a taste learns from out of files: listings, curation histories; bad lines are logged with their place and skipped.</summary>
public static class TasteInputs
{
    /// <summary>The files a list of paths and wildcards names; a name that matches nothing is a usage error.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths) =>
        paths.SelectMany(f => SourceSpec.Expand(f) is { Count: > 0 } found ? found : throw new UsageException($"{f}: no such file")).Distinct().ToList();

    /// <summary>Every paper of the listing files, once, announced on its first listing date.</summary>
    public static async Task<IReadOnlyList<Paper>> ListingsAsync(IReadOnlyList<string> files, ILogger logger, CancellationToken cancellationToken)
    {
        var papers = new Dictionary<ArxivId, Paper>();
        var source = new ListingFileSource(files);
        await foreach (var page in source.ReadAsync(new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, []), null, cancellationToken))
        {
            foreach (var problem in page.Problems)
            {
                logger.LogWarning("Skipped a bad listing record: {Problem}", problem);
            }

            foreach (var p in page.Papers.Where(p => p.Paper.Announced is not null))
            {
                if (!papers.TryGetValue(p.Paper.Id, out var known) || p.Paper.Announced < known.Announced)
                {
                    papers[p.Paper.Id] = p.Paper;
                }
            }
        }

        return [.. papers.Values.OrderBy(p => p.Announced).ThenBy(p => p.Id)];
    }

    /// <summary>The featured papers of the curation files (JSON lines), in file order.</summary>
    public static IReadOnlyList<FeaturedPaper> History(IReadOnlyList<string> files, ILogger logger)
    {
        var featured = new List<FeaturedPaper>();
        foreach (var file in files)
        {
            var (papers, problems) = CurationFile.Read(file);
            var reported = 0;
            foreach (var problem in problems.Where(p => !p.Message.StartsWith("no arxiv_id", StringComparison.Ordinal)))
            {
                if (reported++ < 10)
                {
                    logger.LogWarning("Skipped a line of the curation history: {Problem}", problem);
                }
            }

            if (reported > 10)
            {
                logger.LogWarning("{Count} more bad lines in {File}", reported - 10, file);
            }

            featured.AddRange(papers);
        }

        return featured;
    }
}
