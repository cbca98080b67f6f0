using System.CommandLine;
using System.Globalization;
using Roundup.Application.Harvesting;

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
        var window = WindowArguments.AddTo(command);
        var all = new Option<bool>("--all") { Description = "Refresh every paper of the week, not only those never seen with their version history" };
        command.Options.Add(all);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var w = window.Resolve(parse, host.Calendar, host.Time);
            var (result, asked) = await new RefreshPapers(host).RunAsync(w, parse.GetValue(all), ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Refreshed {result.Papers:N0} of {asked:N0} papers of {w.Describe()} from the arXiv API in {result.Pages:N0} requests; {result.BadRecords:N0} not found or unusable{(result.Resumed ? " (resumed)" : "")}"));
            foreach (var problem in result.Problems.Take(20))
            {
                Console.Out.WriteLine($"  {Output.TerminalText.Line(problem.ToString())}");
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
