using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.Cli.Hosting;
using Roundup.Cli.Learning;
using Roundup.Curation;
using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Default;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Training;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup learn --picks FILE</c>: the curator's taste, trained on their picks, pins and drops over the stored
/// papers of their dates, on top of the shipped default (their own picks weigh more in the track records).
/// </summary>
public static class LearnCommand
{
    public static Command Create()
    {
        var command = new Command("learn", "Train the curator's taste on picks (arxiv_id, listing_date, sources TSV) over the stored papers of their dates, plus their pins and drops, on top of the shipped default taste");
        var picks = new Option<string>("--picks") { Description = "Picks file (TSV: arxiv_id, listing_date, sources)", Required = true };
        var extra = new Option<string[]>("--extra-positives") { Description = "Curation history files (JSON lines of papers other curators featured, e.g. hf_daily_upvotes.jsonl): their authors, code and titles join the track records and the title memory", AllowMultipleArgumentsPerToken = true };
        var until = new Option<DateOnly?>("--until") { Description = "Train only on listings and history up to this date (default: the last pick's date)" };
        var scratch = new Option<bool>("--from-scratch") { Description = "Do not build on the shipped default taste" };
        foreach (var option in new Option[] { picks, extra, until, scratch })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var logger = host.Logs.CreateLogger("Roundup.Learn");
            var (picked, problems) = PicksFile.Read(parse.GetValue(picks)!);
            foreach (var p in problems)
            {
                logger.LogWarning("Skipped a bad line of the picks file: {Problem}", p);
            }

            if (picked.Count == 0)
            {
                throw new UsageException("the picks file names no usable pick");
            }

            var first = picked.Min(p => p.ListingDate);
            var last = parse.GetValue(until) ?? picked.Max(p => p.ListingDate);
            var extraFiles = TasteInputs.Files(parse.GetValue(extra) ?? []);
            var store = await host.StoreAsync(ct);
            var listed = await store.Papers.GetPapersAnnouncedAsync(first, last, ct);
            var decisions = await store.Selection.GetAllDecisionsAsync(ct);
            var sources = new[] { Path.GetFileName(parse.GetValue(picks)!) }.Concat(extraFiles.Select(Path.GetFileName).OfType<string>()).ToList();
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

            var basis = parse.GetValue(scratch) ? null : DefaultTaste.Load();
            TasteModel model;
            try
            {
                model = TasteTrainer.Train(set, await host.EmbedderAsync(ct), new TasteSettings(), "learned", basis, cancellationToken: ct);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var folder = host.Options.Selection.TasteModel;
            TasteModelFile.Save(model, folder);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained the taste {model.Hash[..12]} on {set.Rows.Count:N0} papers ({model.Info.Picks:N0} picked) listed {first:yyyy-MM-dd}..{last:yyyy-MM-dd}{(unknown > 0 ? $" ({unknown} picks not in the store, left out)" : "")} and {model.Info.Featured:N0} featured papers{(basis is null ? "" : $", on top of the default taste {basis.Hash[..12]}")}; saved to {Path.GetFullPath(folder)}"));
            Console.Out.WriteLine(TasteChoice.Describe(model, folder));
            return CommandRunner.Success;
        });
        return command;
    }
}
