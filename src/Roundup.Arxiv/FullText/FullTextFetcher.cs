using Roundup.Arxiv.Http;
using Roundup.Papers;

namespace Roundup.Arxiv.FullText;

/// <summary>
/// Brings a paper's full text into the folder the evidence readers read, through the polite client: arXiv's HTML,
/// then the e-print source, then the PDF (configurable), the first that exists. Files are named by id and version,
/// so a cached one is never asked for again. When arXiv cannot be reached at all, the fetcher stops asking for the
/// rest of the run and the stages judge from the abstract. The client is only made when something is fetched.
/// </summary>
public sealed class FullTextFetcher(Func<IArxivHttp> http, FullTextFetchOptions options, string directory)
{
    private bool _unreachable;

    /// <summary>The path of the paper's full text, fetched if needed; null with the reasons when there is none.</summary>
    public async Task<(string? Path, IReadOnlyList<string> Attempts)> FetchAsync(ArxivId id, int version, CancellationToken cancellationToken = default)
    {
        var stem = $"{id.Canonical.Replace('/', '_')}v{version}";
        if (Directory.Exists(directory) && Directory.GetFiles(directory, stem + ".*").FirstOrDefault() is { } cached)
        {
            return (cached, []);
        }

        if (options.Offline || _unreachable)
        {
            return (null, [options.Offline ? "offline: no file in the folder" : "arXiv unreachable earlier in this run"]);
        }

        var attempts = new List<string>();
        foreach (var kind in options.EffectiveOrder)
        {
            var url = new Uri($"{options.BaseUrl.TrimEnd('/')}/{Path(kind)}/{id.Canonical}v{version}");
            try
            {
                var response = await http().GetAsync(url, cancellationToken);
                var file = System.IO.Path.Combine(directory, stem + Extension(kind, response.Content));
                Directory.CreateDirectory(directory);
                var temporary = file + ".partial";
                await File.WriteAllBytesAsync(temporary, response.Content, cancellationToken);
                File.Move(temporary, file, overwrite: true);
                return (file, attempts);
            }
            catch (ArxivHttpException e) when (e.LastStatus is not null)
            {
                attempts.Add($"{kind}: {e.LastStatus}");
            }
            catch (ArxivHttpException e)
            {
                _unreachable = true;
                attempts.Add($"{kind}: {e.Message}");
                break;
            }
        }

        return (null, attempts);
    }

    private static string Path(string kind) => kind switch
    {
        "html" => "html",
        "source" => "e-print",
        "pdf" => "pdf",
        _ => throw new ArgumentException($"'{kind}' is not a full-text format (html, source, pdf)", nameof(kind)),
    };

    // The e-print is a gzipped tar, a gzipped single file, or sometimes a PDF: name it by what it is.
    private static string Extension(string kind, byte[] content) =>
        content is [0x1f, 0x8b, ..] ? ".tar.gz"
        : content is [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] ? ".pdf"
        : kind == "html" ? ".html"
        : kind == "pdf" ? ".pdf"
        : ".tex";
}
