using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Curation;
using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Default;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Training;

namespace Roundup.Application.Learning;

/// <summary>
/// The curator's taste, trained on their picks, pins and drops over the stored papers of their dates, on top of the
/// shipped default (their own picks weigh more in the track records), and saved to Selection:TasteModel.
/// </summary>
public sealed class LearnTaste(RoundupHost host)
{
    /// <param name="picksFile">TSV of arxiv_id, listing_date, sources.</param>
    /// <param name="extraPositives">Curation history files whose papers join the track records and the title memory.</param>
    /// <param name="until">The last listing date learned from (default: the last pick's).</param>
    /// <param name="fromScratch">Do not build on the shipped default taste.</param>
    public async Task<LearnedTaste> RunAsync(string picksFile, IReadOnlyList<string> extraPositives, DateOnly? until, bool fromScratch, CancellationToken ct)
    {
        var logger = host.Logs.CreateLogger("Roundup.Learn");
        var (picked, problems) = PicksFile.Read(picksFile);
        foreach (var p in problems)
        {
            logger.LogWarning("Skipped a bad line of the picks file: {Problem}", p);
        }

        if (picked.Count == 0)
        {
            throw new UsageException("the picks file names no usable pick");
        }

        var first = picked.Min(p => p.ListingDate);
        var last = until ?? picked.Max(p => p.ListingDate);
        var extraFiles = TasteInputs.Files(extraPositives);
        var store = await host.StoreAsync(ct);
        var listed = await store.Papers.GetPapersAnnouncedAsync(first, last, ct);
        var decisions = await store.Selection.GetAllDecisionsAsync(ct);
        var sources = new[] { Path.GetFileName(picksFile) }.Concat(extraFiles.Select(Path.GetFileName).OfType<string>()).ToList();
        var (set, unknown) = TasteSets.FromPicks(listed, picked, decisions, TasteInputs.History(extraFiles, logger), first, last, sources);
        var inWindow = picked.Count(p => p.ListingDate <= last);
        if (unknown > 0)
        {
            logger.LogWarning("{Unknown} of the {Count} picks dated {First:yyyy-MM-dd}..{Last:yyyy-MM-dd} name papers that are not in the store: they are left out (import the listings of their dates first)", unknown, inWindow, first, last);
        }

        if (unknown == inWindow && extraFiles.Count == 0)
        {
            throw new UsageException($"none of the {inWindow} picks names a paper in the store: import the listings of {first:yyyy-MM-dd}..{last:yyyy-MM-dd} first (roundup import FILE…)");
        }

        if (!set.Rows.Any(r => r.Picked) || set.Rows.All(r => r.Picked))
        {
            logger.LogWarning("No listing of {First:yyyy-MM-dd}..{Last:yyyy-MM-dd} in the store has both picked and unpicked papers: the featured papers join the track records and the title memory, and the regressions stay the default's (import the listings of those dates to learn from them)", first, last);
        }

        var basis = fromScratch ? null : DefaultTaste.Load();
        TasteModel model;
        try
        {
            model = TasteTrainer.Train(set, await host.EmbedderAsync(ct), new TasteSettings(), "learned", basis, cancellationToken: ct);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        TasteModelFile.Save(model, host.Options.Selection.TasteModel);
        return new LearnedTaste(model, basis, set.Rows.Count, first, last, unknown, host.Options.Selection.TasteModel);
    }
}

/// <summary>A taste <see cref="LearnTaste"/> trained and saved: on how many papers of which dates, on top of which basis, and where.</summary>
public sealed record LearnedTaste(TasteModel Model, TasteModel? Basis, int Rows, DateOnly First, DateOnly Last, int PicksNotStored, string Folder);
