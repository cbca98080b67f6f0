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
                var before = await store.CountPapersAsync(ct);
                var result = await new Harvester(store, host.Logs.CreateLogger<Harvester>()).RunAsync(group.Source, Files, ct);
                var after = await store.CountPapersAsync(ct);
                var count = group.Files.Count;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {count} file{(count == 1 ? "" : "s")} ({group.Source.Name}): {result.Papers:N0} records read, {after - before:N0} new papers, {after:N0} papers stored, {result.BadRecords:N0} bad records skipped{(result.Resumed ? " (resumed)" : "")}"));
                foreach (var problem in result.Problems.Take(20))
                {
                    Console.Out.WriteLine($"  bad record: {TerminalText.Line(problem.ToString())}");
                }
            }

            if (selection.Refused.Count > 0)
            {
                await Console.Error.WriteLineAsync($"roundup: {selection.Refused.Count} of {paths.Count} files not imported (named above); the others were");
                return CommandRunner.Failed;
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
