using System.CommandLine;
using Roundup.Cli.Hosting;
using Roundup.Cli.Output;
using Roundup.FullText;
using Roundup.FullText.Scoring;
using Roundup.Papers;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup read ID</c>: the evidence extracted from one paper's full text (sections, captions, tables, references,
/// hidden text, facts). Looks in the full-text folder for a file named by id (<c>2212.08410.pdf</c>,
/// <c>2004.14974.tar.gz</c>, <c>2506.01234.html</c>, <c>….tex</c>) and, unless <c>--offline</c>, fetches it from arXiv
/// through the polite client (HTML, then source, then PDF) into that folder. A path to a file is read as it is.
/// </summary>
public static class ReadCommand
{
    public static Command Create()
    {
        var command = new Command("read", "Show the evidence extracted from one paper's full text (fetched from arXiv unless --offline): sections in reading order, captions, tables, references, hidden text, facts");
        var id = new Argument<string>("id") { Description = "arXiv id (2506.01234 or 2506.01234v2), or a path to a PDF, e-print or HTML file" };
        var format = CommonOptions.Format();
        command.Arguments.Add(id);
        command.Options.Add(format);
        var fullText = FullTextArguments.AddTo(command);
        CommandRunner.SetAction(command, async (parse, host, ct) =>
        {
            fullText.Apply(parse, host);
            var file = await LocateAsync(parse.GetValue(id)!, host, ct);
            var evidence = new FullTextReader().Read(file, ct);
            ct.ThrowIfCancellationRequested();
            Console.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvidencePrinter.Json(evidence) + Environment.NewLine : EvidencePrinter.Text(evidence));
            return CommandRunner.Success;
        });
        return command;
    }

    private static async Task<string> LocateAsync(string text, RoundupHost host, CancellationToken cancellationToken)
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
        if (new FullTextFolder(directory, new FullTextReader()).Find(id) is { } local)
        {
            return local;
        }

        if (host.Options.Selection.FullText.Offline)
        {
            throw new UsageException($"no full text for {id} in {Path.GetFullPath(directory)} (looked for {id.Canonical}.pdf, .tar.gz, .html, .tex) and --offline forbids fetching it");
        }

        var version = id.Version ?? await KnownVersionAsync(host, id, cancellationToken)
            ?? throw new UsageException($"{id} is not in the store, so its latest version is unknown: give it (e.g. {id.Canonical}v1) or harvest the paper first");
        var (path, attempts) = await host.FullTextFetcher().FetchAsync(id, version, cancellationToken);
        return path ?? throw new UsageException($"no full text for {id.Canonical}v{version} from arXiv ({string.Join("; ", attempts)})");
    }

    private static async Task<int?> KnownVersionAsync(RoundupHost host, ArxivId id, CancellationToken cancellationToken)
    {
        var store = await host.StoreAsync(cancellationToken);
        return (await store.Papers.GetPaperAsync(id, cancellationToken))?.Version;
    }
}
