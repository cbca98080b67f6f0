using Roundup.Application.Hosting;
using Roundup.FullText;
using Roundup.Papers;

namespace Roundup.Application.Reading;

/// <summary>
/// The evidence of one paper's full text: a file read as it is, or an id looked up in the full-text folder and,
/// unless offline, fetched from arXiv through the polite client (HTML, then source, then PDF) into that folder.
/// </summary>
public sealed class ReadPaper(RoundupHost host)
{
    public async Task<PaperEvidence> RunAsync(string idOrPath, CancellationToken ct)
    {
        var file = await LocateAsync(idOrPath, ct);
        var evidence = new FullTextReader().Read(file, ct);
        ct.ThrowIfCancellationRequested();
        return evidence;
    }

    private async Task<string> LocateAsync(string text, CancellationToken cancellationToken)
    {
        if (File.Exists(text))
        {
            return text;
        }

        if (!ArxivId.TryParse(text, out var id, out var error))
        {
            throw new UsageException($"'{text}' is neither a file nor an arXiv id: {error}");
        }

        var directory = host.Options.Selection.FullTextDir;
        if (host.FullText.Folder.Find(id) is { } local)
        {
            return local;
        }

        if (host.Options.Selection.FullText.Offline)
        {
            throw new UsageException($"no full text for {id} in {Path.GetFullPath(directory)} (looked for {id.Canonical}.pdf, .tar.gz, .html, .tex) and --offline forbids fetching it");
        }

        var version = id.Version ?? (await (await host.StoreAsync(cancellationToken)).Papers.GetPaperAsync(id, cancellationToken))?.Version
            ?? throw new UsageException($"{id} is not in the store, so its latest version is unknown: give it (e.g. {id.Canonical}v1) or harvest the paper first");
        var (path, attempts) = await host.FullText.Fetcher.FetchAsync(id, version, cancellationToken);
        return path ?? throw new UsageException($"no full text for {id.Canonical}v{version} from arXiv ({string.Join("; ", attempts)})");
    }
}
