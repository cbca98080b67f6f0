using System.CommandLine;
using System.Globalization;
using Roundup.Arxiv.Files;
using Roundup.Cli.Configuration;
using Roundup.Cli.Output;
using Microsoft.Extensions.Logging;
using Roundup.Harvesting;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup import FILE…</c>: store daily listing files or an arXiv metadata snapshot. A file of neither kind is
/// named with why and not read; the others are imported, and the run then fails so the refusal is not missed.
/// </summary>
public static class ImportCommand
{
    /// <summary>
    /// The checkpoint every import of one kind of file shares: its position names each file with its identity, so
    /// an import resumes the unchanged files of any interrupted one and reads a changed file again.
    /// </summary>
    private static readonly HarvestRequest Files = new(DateOnly.MinValue, DateOnly.MaxValue, ["files"]);

    /// <summary>How many refusals are printed with the summary; the log names every one.</summary>
    private const int ProblemsShown = 20;

    /// <summary>
    /// The import's account of its input: every non-blank line read is a new paper, a record of a paper already
    /// stored (or repeated in the files), or refused, and the three add up to the lines.
    /// </summary>
    public static string Summary(int files, string source, HarvestResult result, long added, long stored)
    {
        var lines = (long)result.Papers + result.BadRecords;
        var again = result.Papers - added;
        return string.Create(CultureInfo.InvariantCulture,
            $"Imported {files} file{(files == 1 ? "" : "s")} ({source}): {lines:N0} lines read = {added:N0} new papers + {again:N0} already stored or repeated + {result.BadRecords:N0} refused; {stored:N0} papers stored{(result.Resumed ? " (resumed: lines stored before the interruption are not counted again)" : "")}");
    }

    public static Command Create()
    {
        var command = new Command("import", "Import daily listing files (JSON lines with listing_date) or an arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json)");
        var files = new Argument<string[]>("files") { Description = "Files to import; wildcards allowed in file names", Arity = ArgumentArity.OneOrMore };
        command.Arguments.Add(files);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var paths = parse.GetValue(files)!.SelectMany(f => SourceSpec.Expand(f) is { Count: > 0 } found ? found : throw new UsageException($"{f}: no such file")).Distinct().ToList();
            var selection = await FileSources.OpenAsync(paths, host.Calendar, ct);
            foreach (var refused in selection.Refused)
            {
                await Console.Error.WriteLineAsync($"roundup: not imported: {TerminalText.Line(refused.ToString())}");
            }

            foreach (var group in selection.Groups)
            {
                var store = await host.StoreAsync(ct);
                var before = await store.Papers.CountPapersAsync(ct);
                var result = await new Harvester(store.Harvest, host.Logs.CreateLogger<Harvester>()).RunAsync(group.Source, Files, ct);
                var after = await store.Papers.CountPapersAsync(ct);
                var count = group.Files.Count;
                var added = after - before;
                Console.Out.WriteLine(Summary(count, group.Source.Name, result, added, after));
                foreach (var problem in result.Problems.Take(ProblemsShown))
                {
                    Console.Out.WriteLine($"  refused: {TerminalText.Line(problem.ToString())}");
                }

                if (result.BadRecords > ProblemsShown)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {result.BadRecords - ProblemsShown:N0} more refused lines, each named in the log"));
                }
            }

            if (selection.Refused.Count > 0)
            {
                await Console.Error.WriteLineAsync(selection.Groups.Count == 0
                    ? $"roundup: nothing imported: {(paths.Count == 1 ? "the file is" : $"none of the {paths.Count} files is")} a listing or snapshot file (see above)"
                    : $"roundup: {selection.Refused.Count} of {paths.Count} files not imported (named above); the other {paths.Count - selection.Refused.Count} were");
                return CommandRunner.Failed;
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
