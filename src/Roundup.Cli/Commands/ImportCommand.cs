using System.CommandLine;
using System.Globalization;
using Roundup.Arxiv.Files;
using Roundup.Cli.Configuration;
using Microsoft.Extensions.Logging;
using Roundup.Harvesting;

namespace Roundup.Cli.Commands;

/// <summary><c>roundup import FILE…</c>: store daily listing files or an arXiv metadata snapshot.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import daily listing files (JSON lines with listing_date) or an arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json)");
        var files = new Argument<string[]>("files") { Description = "Files to import; wildcards allowed in file names", Arity = ArgumentArity.OneOrMore };
        command.Arguments.Add(files);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            var paths = parse.GetValue(files)!.SelectMany(f => SourceSpec.Expand(f) is { Count: > 0 } found ? found : throw new UsageException($"{f}: no such file")).Distinct().ToList();
            var source = FileSources.Open(paths, host.Calendar);
            var store = await host.StoreAsync(ct);
            var before = await store.CountPapersAsync(ct);

            // Files are read whole: the window only names the checkpoint.
            var request = new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, [string.Join('|', paths)]);
            var result = await new Harvester(store, host.Logs.CreateLogger<Harvester>()).RunAsync(source, request, ct);
            var after = await store.CountPapersAsync(ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {paths.Count} file{(paths.Count == 1 ? "" : "s")} ({source.Name}): {result.Papers:N0} records read, {after - before:N0} new papers, {after:N0} papers stored, {result.BadRecords:N0} bad records skipped{(result.Resumed ? " (resumed)" : "")}"));
            foreach (var problem in result.Problems.Take(20))
            {
                Console.Out.WriteLine($"  bad record: {problem}");
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
