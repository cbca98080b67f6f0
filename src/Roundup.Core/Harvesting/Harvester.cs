using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Roundup.Papers;

namespace Roundup.Harvesting;

/// <summary>
/// Reads a source page by page into the store. Each page is stored with the position after it, so a harvest
/// interrupted at any point resumes after the last stored page and ends with the same rows as one that was not.
/// </summary>
public sealed class Harvester(IHarvestStore store, ILogger<Harvester> logger)
{
    /// <summary>How many bad records to keep in a result for display; all are counted.</summary>
    public const int ProblemsKept = 50;

    public async Task<HarvestResult> RunAsync(IPaperSource source, HarvestRequest request, CancellationToken cancellationToken = default)
    {
        var key = request.CheckpointKey(source.Name);
        var resumeFrom = await store.GetCheckpointAsync(key, cancellationToken);
        if (resumeFrom is not null)
        {
            logger.LogInformation("{Source}: resuming an interrupted harvest at {Position}", source.Name, resumeFrom);
        }

        var pages = 0;
        var papers = 0;
        var badRecords = 0;
        var problems = new List<HarvestProblem>();
        var storing = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        await foreach (var page in ReadAhead.Pages(source.ReadAsync(request, resumeFrom, cancellationToken), capacity: 2, cancellationToken))
        {
            var accepted = new List<HarvestedPaper>(page.Papers.Count);
            foreach (var harvested in page.Papers)
            {
                if (PaperLimits.Check(harvested.Paper) is { } why)
                {
                    Add(harvested.Location is { } line
                        ? new HarvestProblem(line, $"{harvested.Paper.Id}: {why}")
                        : new HarvestProblem($"{page.Location}, {harvested.Paper.Id}", why));
                    continue;
                }

                var categories = ArxivCategories.Clean(harvested.Paper.Categories);
                accepted.Add(ReferenceEquals(categories, harvested.Paper.Categories) ? harvested : harvested with { Paper = harvested.Paper with { Categories = categories } });
            }

            foreach (var problem in page.Problems)
            {
                Add(problem);
            }

            var saving = Stopwatch.GetTimestamp();
            await store.SavePageAsync(source.Name, key, accepted, page.NextPosition, cancellationToken);
            storing += Stopwatch.GetElapsedTime(saving);
            pages++;
            papers += accepted.Count;
            logger.LogDebug("{Source}: stored {Count} papers from {Location}", source.Name, accepted.Count, page.Location);
        }

        await store.ClearCheckpointAsync(key, cancellationToken);
        var total = Stopwatch.GetElapsedTime(started);
        logger.LogInformation(
            "{Source}: {Papers} records in {Pages} pages, {Bad} bad records skipped; {Total:F1} s, of which {Storing:F1} s storing",
            source.Name, papers, pages, badRecords, total.TotalSeconds, storing.TotalSeconds);
        return new HarvestResult(source.Name, pages, papers, badRecords, problems, resumeFrom is not null);

        void Add(HarvestProblem problem)
        {
            badRecords++;
            if (problems.Count < ProblemsKept)
            {
                problems.Add(problem);
            }

            logger.LogWarning("{Source}: skipped a bad record at {Problem}", source.Name, problem);
        }
    }
}
