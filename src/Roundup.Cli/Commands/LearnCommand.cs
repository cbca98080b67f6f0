using System.CommandLine;
using System.Globalization;
using Roundup.Application.Learning;
using Roundup.Application.Selecting;

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
            var learned = await new LearnTaste(host).RunAsync(parse.GetValue(picks)!, parse.GetValue(extra) ?? [], parse.GetValue(until), parse.GetValue(scratch), ct);
            var (model, basis) = (learned.Model, learned.Basis);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained the taste {model.Hash[..12]} on {learned.Rows:N0} papers ({model.Info.Picks:N0} picked) listed {learned.First:yyyy-MM-dd}..{learned.Last:yyyy-MM-dd}{(learned.PicksNotStored > 0 ? $" ({learned.PicksNotStored} picks not in the store, left out)" : "")} and {model.Info.Featured:N0} featured papers{(basis is null ? "" : $", on top of the default taste {basis.Hash[..12]}")}; saved to {Path.GetFullPath(learned.Folder)}"));
            Console.Out.WriteLine(TasteChoice.Describe(model, learned.Folder));
            return CommandRunner.Success;
        });
        return command;
    }
}
