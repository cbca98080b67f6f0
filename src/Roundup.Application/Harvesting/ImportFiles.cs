using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Arxiv.Files;
using Roundup.Harvesting;

namespace Roundup.Application.Harvesting;

/// <summary>
/// Stores daily listing files or an arXiv metadata snapshot: the files are sorted by kind (a file of neither kind is
/// refused, with the reason), then each kind is imported as one source, resuming where an interrupted import stopped.
/// </summary>
public sealed class ImportFiles(RoundupHost host)
{
    // The checkpoint every import of one kind of file shares: its position names each file with its identity, so an
    // import resumes the unchanged files of any interrupted one and reads a changed file again.
    private static readonly HarvestRequest Request = new(DateOnly.MinValue, DateOnly.MaxValue, ["files"]);

    /// <summary>The files the patterns name (wildcards in file names), sorted by kind.</summary>
    public async Task<FileSelection> OpenAsync(IEnumerable<string> patterns, CancellationToken ct)
    {
        var paths = patterns.SelectMany(f => SourceSpec.Expand(f) is { Count: > 0 } found ? found : throw new UsageException($"{f}: no such file")).Distinct().ToList();
        return await FileSources.OpenAsync(paths, host.Calendar, ct);
    }

    /// <summary>Imports one kind of file; returns the harvest's account and the papers added and stored in all.</summary>
    public async Task<ImportedFiles> ImportAsync(FileSelection.Group group, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var before = await store.Papers.CountPapersAsync(ct);
        var result = await new Harvester(store.Harvest, host.Logs.CreateLogger<Harvester>()).RunAsync(group.Source, Request, ct);
        var after = await store.Papers.CountPapersAsync(ct);
        return new ImportedFiles(group.Files.Count, group.Source.Name, result, after - before, after);
    }
}

/// <summary>What one kind of file added: <see cref="Added"/> new papers, <see cref="Stored"/> papers in the store after.</summary>
public sealed record ImportedFiles(int Files, string Source, HarvestResult Result, long Added, long Stored);
