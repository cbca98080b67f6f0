using System.CommandLine;
using System.Globalization;
using Roundup.Application.Learning;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup build-taste</c>: a taste from public curation history alone, the recipe of the shipped default
/// (src/Roundup.Ranking/Taste/Default/MODEL_CARD.md gives the command that rebuilds it byte for byte).
/// </summary>
public static class BuildTasteCommand
{
    public static Command Create()
    {
        var command = new Command("build-taste", "Build a taste model from listing files and curation history files (the recipe of the shipped default): listed papers the history featured are the picks, the rest are not");
        var listings = new Option<string[]>("--listings") { Description = "Listing files (JSON lines); wildcards allowed in file names", Required = true, AllowMultipleArgumentsPerToken = true };
        var history = new Option<string[]>("--history") { Description = "Curation history files (JSON lines of featured papers: hf_daily_upvotes.jsonl, hf_daily_lists.jsonl, dair_top10_weekly.jsonl)", Required = true, AllowMultipleArgumentsPerToken = true };
        var until = new Option<DateOnly>("--until") { Description = "Last day of listings and history used", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the model to", Required = true };
        foreach (var option in new Option[] { listings, history, until, output })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var last = parse.GetValue(until);
            var folder = parse.GetValue(output)!;
            var model = await new BuildTaste(host).RunAsync(parse.GetValue(listings)!, parse.GetValue(history)!, last, folder, ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built the taste {model.Hash[..12]} from {model.Info.Rows:N0} listed papers ({model.Info.Picks:N0} featured) and {model.Info.Featured:N0} featured papers up to {last:yyyy-MM-dd}; saved to {Path.GetFullPath(folder)}"));
            return CommandRunner.Success;
        });
        return command;
    }
}
