using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Api;
using Roundup.Harvesting;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup refresh</c>: fill in the metadata a listing lacks (all categories, versions, DOI, licence) for a week's
/// stored papers with the API's id_list look-ups.
/// </summary>
public static class RefreshCommand
{
    public static Command Create()
    {
        var command = new Command("refresh", "Fill in or refresh the metadata of a week's stored papers from the arXiv API (id_list look-ups)");
        var window = Window.Options.Create();
        window.AddTo(command);
        var all = new Option<bool>("--all") { Description = "Refresh every paper of the week, not only those never seen with their version history" };
        command.Options.Add(all);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var w = Window.Resolve(parse, window, host.Calendar, host.Time);
            var store = await host.StoreAsync(ct);
            var papers = await store.Papers.GetPapersAnnouncedAsync(w.First, w.Last, ct);
            var ids = papers.Where(p => parse.GetValue(all) || p.Versions.Count == 0).Select(p => p.Id).ToList();
            var source = new ArxivApiLookupSource((ArxivApiPaperSource)host.Source(new Configuration.SourceSpec("api", [])), ids);
            var request = new HarvestRequest(w.First, w.Last, ["refresh"]);
            var result = await new Harvester(store.Harvest, host.Logs.CreateLogger<Harvester>()).RunAsync(source, request, ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Refreshed {result.Papers:N0} of {ids.Count:N0} papers of {w.Describe()} from the arXiv API in {result.Pages:N0} requests; {result.BadRecords:N0} not found or unusable{(result.Resumed ? " (resumed)" : "")}"));
            foreach (var problem in result.Problems.Take(20))
            {
                Console.Out.WriteLine($"  {Output.TerminalText.Line(problem.ToString())}");
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
