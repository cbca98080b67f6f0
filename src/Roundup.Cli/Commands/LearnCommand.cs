using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.Cli.Evaluation;
using Roundup.Curation;
using Roundup.Ranking.Taste;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup learn --picks FILE</c>: train the taste model on labelled picks and the curator's pins and drops.</summary>
public static class LearnCommand
{
    public static Command Create()
    {
        var command = new Command("learn", "Train the taste model on picks (arxiv_id, listing_date, sources TSV) over the stored papers of their dates, plus the curator's pins and drops");
        var picks = new Option<string>("--picks") { Description = "Picks file (TSV: arxiv_id, listing_date, sources)", Required = true };
        var extra = new Option<string?>("--extra-positives") { Description = "JSON lines of papers other curators featured (e.g. hf_daily_upvotes.jsonl), used as extra positives" };
        var until = new Option<DateOnly?>("--until") { Description = "Train only on listings up to this date (default: the last pick's date)" };
        command.Options.Add(picks);
        command.Options.Add(extra);
        command.Options.Add(until);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var (picked, problems) = PicksFile.Read(parse.GetValue(picks)!);
            foreach (var p in problems)
            {
                host.Logs.CreateLogger("Roundup.Learn").LogWarning("Skipped a bad line of the picks file: {Problem}", p);
            }

            if (picked.Count == 0)
            {
                throw new UsageException("the picks file names no usable pick");
            }

            var first = picked.Min(p => p.ListingDate);
            var last = parse.GetValue(until) ?? picked.Max(p => p.ListingDate);
            var extraPositives = parse.GetValue(extra) is { } path ? FeaturedPapersFile.Read(path, before: last.AddDays(1)) : [];
            var store = await host.StoreAsync(ct);
            var examples = await TrainingSet.BuildAsync(store, first, last, picked.Where(p => p.ListingDate <= last).ToList(), extraPositives, host.Logs.CreateLogger("Roundup.Learn"), ct);
            var embedder = await host.EmbedderAsync(ct);
            var model = TasteTrainer.Train(examples, texts => embedder.Embed(texts, ct));
            model.Save(host.Options.Selection.TasteModel);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained the taste model {model.ModelHash[..12]} on {examples.Count:N0} papers ({examples.Count(e => e.Picked):N0} picked) listed {first:yyyy-MM-dd}..{last:yyyy-MM-dd}; saved to {Path.GetFullPath(host.Options.Selection.TasteModel)}"));
            return CommandRunner.Success;
        });
        return command;
    }
}
